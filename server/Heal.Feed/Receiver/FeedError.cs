namespace Heal.Feed.Receiver;

/// <summary>A request the receiver refuses: the HTTP status and the JSON body's <c>error</c> and <c>detail</c>.</summary>
public sealed record FeedError(int Status, string Error, string Detail)
{
    public static FeedError BadRequest(string error, string detail) => new(400, error, detail);

    public static FeedError TooLarge(string detail) => new(413, "payload too large", detail);
}
