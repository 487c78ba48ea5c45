using StreamJsonRpc;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// A body as <see cref="MessageCheck"/> read it: its kind, its id (<see cref="RequestId.NotSpecified"/> when it has none,
/// <see cref="RequestId.Null"/> when it could not be read), and for an invalid message the JSON-RPC error code, a stable
/// message of ours and whether the client is answered (requests and unreadable messages are; notifications and responses
/// never are, as JSON-RPC demands).
/// </summary>
public sealed record CheckedMessage(MessageKind Kind, RequestId Id, int ErrorCode = 0, string? Problem = null, bool Answer = false)
{
    /// <summary>For a batch: the ids of the requests in it, each answered with an error.</summary>
    public IReadOnlyList<RequestId> BatchIds { get; init; } = [];

    public string? Method { get; init; }
}
