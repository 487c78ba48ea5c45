using System.Net;
using System.Net.Sockets;
using System.Text;
using Heal.Cli;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests.Security;

/// <summary>
/// Issue 11, item 7: fuzzing found 500s where the sender was wrong (a lying <c>Content-Encoding: br</c>, an absurd chunk
/// size), and <c>--listen '[::ffff:127.0.0.1]:0'</c> killed the CLI with an unhandled SocketException. Each is now a 4xx with
/// a precise message, or a clear error and exit 2, and the feed keeps serving.
/// </summary>
public sealed class MalformedRequestAttackTests
{
    [Theory]
    [InlineData("br")]
    [InlineData("BR")]
    [InlineData("deflate")]
    public async Task Post_GzipBodyClaimingAnotherEncoding_Is400(string claimed)
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var answer = await feed.PostAsync("/api/1/envelope/", Gzip(Envelope(DotNetEvent(id), id)), encoding: claimed);
        Assert.True(answer.Status == 400, $"{answer.Status} {answer.Body}");
        Assert.Equal($"bad {claimed.ToLowerInvariant()}", answer.Error);
        Assert.Contains($"is Content-Encoding: {claimed.ToLowerInvariant()} what the sender used?", answer.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await feed.CountEventsAsync());
        await feed.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_BrotliTruncated_Is400()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var brotli = Brotli(Envelope(DotNetEvent(id), id));
        var answer = await feed.PostAsync("/api/1/envelope/", brotli[..(brotli.Length / 2)], encoding: "br");
        Assert.True(answer.Status == 400, $"{answer.Status} {answer.Body}");
        await feed.AssertStillServesAsync();
    }

    [Theory]
    [InlineData("ffffffffffffffff")]
    [InlineData("100000000")]
    [InlineData("fffffffffffffffffffffffffffff")]
    [InlineData("zz")]
    [InlineData("-1")]
    public async Task Post_AbsurdChunkSize_Is400(string chunkSize)
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var envelope = Envelope(DotNetEvent(id), id);
        var request = Encoding.ASCII.GetBytes(
            $"POST /api/1/envelope/ HTTP/1.1\r\nHost: {feed.Server.Address.Authority}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            $"{envelope.Length:x}\r\n").Concat(envelope).Concat(Encoding.ASCII.GetBytes($"\r\n{chunkSize}\r\nabc\r\n0\r\n\r\n")).ToArray();
        var (status, body) = await SendRawAsync(feed.Server.Address, request);
        Assert.True(status == 400, $"{status} {body}");
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
        Assert.Equal(0, await feed.CountEventsAsync());
        await feed.AssertStillServesAsync();
    }

    /// <summary>
    /// A body that stops short of its Content-Length while the connection stays open: Kestrel's minimum data rate ends
    /// the wait (about 5 s) and the sender gets 408 with the JSON error, not a 500 and not a stored event.
    /// </summary>
    [Fact]
    public async Task Post_BodyShorterThanItsContentLength_Is408AndStoresNothing()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var envelope = Envelope(DotNetEvent(id), id);
        var request = Encoding.ASCII.GetBytes(
            $"POST /api/1/envelope/ HTTP/1.1\r\nHost: {feed.Server.Address.Authority}\r\nContent-Length: {envelope.Length + 500}\r\n\r\n").Concat(envelope).ToArray();
        var (status, body) = await SendRawAsync(feed.Server.Address, request);
        Assert.True(status == 408, $"{status} {body}");
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
        Assert.Equal(0, await feed.CountEventsAsync());
        await feed.AssertStillServesAsync();
    }

    [Fact]
    public async Task Feed_ListenOnIpv4MappedLoopback_ListensOnTheIpv4Address()
    {
        using var folder = new TempFolder();
        using var feed = await HealProcess.StartFeedAsync(folder.File("feed.db"), "--listen", "[::ffff:127.0.0.1]:0");
        Assert.Equal("127.0.0.1", feed.Address.Host);
        using var client = feed.CreateClient();
        var id = NewId();
        using var answer = await client.PostAsync("/api/1/envelope/", new ByteArrayContent(Envelope(DotNetEvent(id), id)));
        Assert.Equal(200, (int)answer.StatusCode);
    }

    [Fact]
    public async Task Feed_ListenOnAPortInUse_ExitsTwoWithWhy()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var folder = new TempFolder();
        var (exit, stderr) = await RunCliAsync("feed", "--listen", $"127.0.0.1:{port}", "--store", folder.File("feed.db"));
        Assert.Equal(2, exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_ListenOnAnAddressNotOfThisMachine_ExitsTwoWithWhy()
    {
        using var folder = new TempFolder();
        var (exit, stderr) = await RunCliAsync("feed", "--listen", "192.0.2.1:0", "--allow-remote", "--store", folder.File("feed.db"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot listen on 192.0.2.1:0", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "feed", "--listen", "::1:0" }, "is not ADDRESS:PORT")]
    [InlineData(new[] { "feed", "--listen", "[::ffff:10.0.0.1]:0" }, "add --allow-remote")]
    [InlineData(new[] { "feed", "--key", "k", "--no-key" }, "contradict")]
    [InlineData(new[] { "feed", "--allow-origin", "evil.example" }, "is not a web origin")]
    [InlineData(new[] { "feed", "--allow-origin", "https://app.example/path" }, "is not a web origin")]
    [InlineData(new[] { "feed", "--no-scrub", "--scrub-field", "ssn" }, "contradict")]
    [InlineData(new[] { "feed", "--scrub-field" }, "Required argument missing for option: '--scrub-field'")]
    public async Task Feed_BadOptions_ExitTwoWithAClearMessage(string[] args, string message)
    {
        var (exit, stderr) = await RunCliAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stderr)> RunCliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stderr.ToString());
    }

    /// <summary>
    /// Writes a raw request and reads the whole answer: its status and body. The socket is not half-closed: Kestrel
    /// treats a client's FIN as an abort and answers nothing, which would hide what the feed says.
    /// </summary>
    private static async Task<(int Status, string Body)> SendRawAsync(Uri address, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        try
        {
            await socket.SendAsync(request, SocketFlags.None);
        }
        catch (SocketException)
        {
            // The feed may answer and close before reading everything; the answer is still there to read.
        }

        var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // A reset after the answer: what arrived is what counts.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        Assert.StartsWith("HTTP/1.1 ", text, StringComparison.Ordinal);
        return (int.Parse(text[9..12], System.Globalization.CultureInfo.InvariantCulture), text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    private static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }
}
