using System.Text.Json;

namespace Heal.LanguageServer;

/// <summary>The editor, seen from the server: notifications and requests it answers. The one seam to JSON-RPC for the session.</summary>
public interface IClient
{
    Task NotifyAsync(string method, object parameters);

    Task<JsonElement?> RequestAsync(string method, object parameters, CancellationToken cancellationToken);
}
