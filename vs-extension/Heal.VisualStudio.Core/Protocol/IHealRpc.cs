using System.Threading;
using System.Threading.Tasks;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// The one seam to the server's JSON-RPC connection: Visual Studio hands the extension a StreamJsonRpc
/// <c>JsonRpc</c> for custom messages (<see cref="JsonRpcHealRpc"/>), the tests their own over the real <c>heal lsp</c>.
/// </summary>
public interface IHealRpc
{
    /// <summary>Sends a request with one params object; a server error becomes a <see cref="HealRequestException"/>.</summary>
    Task<TResult?> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken)
        where TResult : class;
}
