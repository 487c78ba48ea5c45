namespace Heal.LanguageServer.Transport;

/// <summary>What a body holds, as <see cref="MessageCheck"/> reads it.</summary>
public enum MessageKind
{
    /// <summary>A request (method and id): passed on, and answered.</summary>
    Request,

    /// <summary>A notification (method, no id): passed on, never answered.</summary>
    Notification,

    /// <summary>A response (id and result or error): passed on only when it answers a request this server sent.</summary>
    Response,

    /// <summary>Not a message the server accepts: answered with the error when it can be (see <see cref="CheckedMessage.Answer"/>).</summary>
    Invalid,

    /// <summary>A JSON-RPC batch (an array): each request in it is answered with an error, none is run.</summary>
    Batch,
}
