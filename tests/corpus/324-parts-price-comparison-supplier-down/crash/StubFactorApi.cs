using System.Net;

namespace Parts.Crash;

// Stands in for the motor factors' HTTP price APIs so the scenario runs without the network.
sealed class StubFactorApi(Dictionary<string, string> prices, bool down) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(15, cancellationToken);
        if (down)
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        var part = Uri.UnescapeDataString(request.RequestUri!.Segments[^1]);
        return prices.TryGetValue(part, out var price)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(price), RequestMessage = request }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }
}
