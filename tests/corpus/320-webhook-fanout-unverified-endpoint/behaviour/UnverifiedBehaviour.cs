using Webhooks;

namespace Webhooks.Behaviour.Tests;

public class UnverifiedBehaviour
{
    private sealed class RecordingTransport : IWebhookTransport
    {
        public List<string> Posted { get; } = [];

        public Task<bool> PostAsync(string url, string body, string signature, CancellationToken cancellationToken)
        {
            Posted.Add(url);
            return Task.FromResult(true);
        }
    }

    private static Subscriber S(string id, string? url) =>
        new() { Id = id, Secret = "k", Endpoint = url is null ? null : new Uri(url), Topics = new(["invoice.issued"], StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public async Task PublishAsync_UnverifiedSubscriber_IsNotSentAndNotAFailure()
    {
        var transport = new RecordingTransport();
        var dispatcher = new Dispatcher(transport);
        dispatcher.Add(S("v1", "https://a.example/hook"));
        dispatcher.Add(S("u1", null));
        dispatcher.Add(S("v2", "https://b.example/hook"));

        var report = await dispatcher.PublishAsync("invoice.issued", "{\"id\":1}");

        Assert.Equal(2, report.Delivered);
        Assert.Empty(report.FailedSubscriberIds);
        Assert.Equal(["https://a.example/hook", "https://b.example/hook"], transport.Posted);
        Assert.Equal(["u1"], dispatcher.PendingVerification());
    }
}
