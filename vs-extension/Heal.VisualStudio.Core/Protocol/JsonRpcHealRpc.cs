using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// <see cref="IHealRpc"/> over a StreamJsonRpc connection: the one Visual Studio passes to
/// <c>ILanguageClientCustomMessage2.AttachForCustomMessageAsync</c>, or a test's own.
/// </summary>
public sealed class JsonRpcHealRpc(JsonRpc rpc) : IHealRpc
{
    public async Task<TResult?> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return await rpc.InvokeWithParameterObjectAsync<TResult?>(method, parameters ?? new object(), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteInvocationException e)
        {
            throw new HealRequestException(e.ErrorCode, e.Message);
        }
        catch (ConnectionLostException)
        {
            throw new HealRequestException(HealRequestException.ConnectionLost, "the Heal language server stopped");
        }
    }
}
