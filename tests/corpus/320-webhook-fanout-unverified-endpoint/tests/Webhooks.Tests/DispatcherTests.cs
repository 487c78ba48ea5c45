using Webhooks;

namespace Webhooks.Tests;

public class DispatcherTests
{
    private sealed class FakeTransport(params string[] failingHosts) : IWebhookTransport
    {
        public List<string> Posted { get; } = [];

        public Task<bool> PostAsync(string url, string body, string signature, CancellationToken cancellationToken)
        {
            Posted.Add(url);
            return Task.FromResult(!failingHosts.Any(h => url.Contains(h)));
        }
    }

    private static Subscriber S(string id, string? url, params string[] topics) =>
        new() { Id = id, Secret = "s-" + id, Endpoint = url is null ? null : new Uri(url), Topics = new(topics, StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public async Task PublishAsync_RetriesOnceThenReportsFailure()
    {
        var transport = new FakeTransport("down.example");
        var dispatcher = new Dispatcher(transport);
        dispatcher.Add(S("a", "https://ok.example/hook", "order.paid"));
        dispatcher.Add(S("b", "https://down.example/hook", "order.paid"));
        dispatcher.Add(S("c", "https://ok.example/other", "order.refunded"));

        var report = await dispatcher.PublishAsync("ORDER.PAID", "{}");

        Assert.Equal(new DeliveryReport(1, ["b"]).Delivered, report.Delivered);
        Assert.Equal(["b"], report.FailedSubscriberIds);
        Assert.Equal(3, transport.Posted.Count);
    }

    [Fact]
    public void PendingVerification_ListsSubscribersWithoutEndpoint()
    {
        var dispatcher = new Dispatcher(new FakeTransport());
        dispatcher.Add(S("a", null, "x"));
        dispatcher.Add(S("b", "https://ok.example/", "x"));
        Assert.Equal(["a"], dispatcher.PendingVerification());
    }
}
