using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using StreamJsonRpc.Reflection;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// The connection's message handler: reads frames with <see cref="FrameReader"/> and checks each body with
/// <see cref="MessageCheck"/> before StreamJsonRpc sees it, so bad input never ends the connection; writes through
/// StreamJsonRpc's own <see cref="HeaderDelimitedMessageHandler"/>.
/// </summary>
/// <remarks>
/// StreamJsonRpc's <see cref="HeaderDelimitedMessageHandler"/> cannot be used to read: it throws on a bad header or body,
/// and <see cref="JsonRpc"/> ends the connection on any exception from a read, on a response to an id it has no record of,
/// and on anything that is neither a request nor a response; it also awaits whatever Content-Length says. Here:
/// <list type="bullet">
/// <item>a frame that cannot be read, or a body that is not UTF-8 JSON, is answered with a parse error (-32700, id null)
/// and the framing resynchronises (<see cref="FrameReader"/>);</item>
/// <item>a body that is not a JSON-RPC message is answered with an invalid request (-32600), with its id when it has a
/// readable one; a batch gets one such error per request in it, and none of it runs;</item>
/// <item>a response is passed on only when it answers a request this server sent and has not had answered yet; any other
/// is logged on stderr and dropped;</item>
/// <item>a request whose id is still in use by an unanswered request is refused (-32600): StreamJsonRpc keys its
/// cancellation by id;</item>
/// <item>every error written has no <c>data</c> (StreamJsonRpc would put exception types and stack traces there);
/// <see cref="HealJsonRpc"/> writes the messages.</item>
/// </list>
/// Log lines show client bytes only through <see cref="LogText.Escape"/>.
/// </remarks>
public sealed class LspMessageHandler : IJsonRpcMessageHandler, IJsonRpcMessageBufferManager, IDisposable
{
    private readonly PipeReader _input;
    private readonly HeaderDelimitedMessageHandler _output;
    private readonly IJsonRpcMessageFormatter _formatter;
    private readonly TextWriter _log;
    private readonly ConcurrentDictionary<RequestId, bool> _sentRequests = new();
    private readonly ConcurrentDictionary<RequestId, bool> _receivedRequests = new();

    public LspMessageHandler(Stream input, Stream output, IJsonRpcMessageFormatter formatter, TextWriter log)
    {
        _input = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        // A StreamPipeWriter writes to the stream when a write is flushed, so a message is on the stream once WriteAsync
        // returns (a Stream given to StreamJsonRpc is copied by a background task, which disposing did not always wait for).
        _output = new HeaderDelimitedMessageHandler(PipeWriter.Create(output), null, formatter);
        _formatter = formatter;
        _log = log;
    }

    public bool CanRead => true;

    public bool CanWrite => true;

    public IJsonRpcMessageFormatter Formatter => _formatter;

    public async ValueTask<JsonRpcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var frame = FrameReader.Read(buffer, read.IsCompleted);
            switch (frame.Kind)
            {
                case FrameKind.NeedMore when !read.IsCompleted:
                    _input.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                case FrameKind.NeedMore or FrameKind.End:
                    _input.AdvanceTo(buffer.End);
                    if (frame.Problem is not null)
                    {
                        Log(frame.Problem);
                    }

                    return null;
                case FrameKind.Skipped:
                    _input.AdvanceTo(buffer.GetPosition(frame.Consumed));
                    Log(frame.Problem!);
                    continue;
                case FrameKind.BadHeader:
                    _input.AdvanceTo(buffer.GetPosition(frame.Consumed));
                    await RejectAsync(RequestId.Null, (int)JsonRpcErrorCode.ParseError, frame.Problem!, cancellationToken).ConfigureAwait(false);
                    continue;
            }

            // The body is copied out of the pipe's buffers, so the formatter may keep what it parsed for as long as it likes.
            var body = frame.Body.ToArray();
            var check = MessageCheck.Check(body);
            var consumed = frame.Consumed;
            if (check.ErrorCode == (int)JsonRpcErrorCode.ParseError && FrameReader.FindHeader(frame.Body, 1) is > 0 and var inside)
            {
                // A body cut short swallowed the frames after it: read on from the first header inside it.
                consumed = frame.BodyStart + inside;
                Log($"a {body.Length}-byte body that does not parse holds a header at byte {inside}: reading on from there");
            }

            _input.AdvanceTo(buffer.GetPosition(consumed));
            if (await AcceptAsync(check, body, cancellationToken).ConfigureAwait(false) is { } message)
            {
                return message;
            }
        }
    }

    public async ValueTask WriteAsync(JsonRpcMessage jsonRpcMessage, CancellationToken cancellationToken)
    {
        switch (jsonRpcMessage)
        {
            case JsonRpcRequest { IsResponseExpected: true } request:
                _sentRequests[request.RequestId] = true;
                break;
            case JsonRpcError { Error: { } error } response:
                error.Data = null;
                _receivedRequests.TryRemove(response.RequestId, out _);
                break;
            case IJsonRpcMessageWithId response:
                _receivedRequests.TryRemove(response.RequestId, out _);
                break;
        }

        try
        {
            await _output.WriteAsync(jsonRpcMessage, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (jsonRpcMessage is JsonRpcRequest request)
            {
                _sentRequests.TryRemove(request.RequestId, out _);
            }

            throw;
        }
    }

    /// <summary>Releases what the formatter kept of the last message once StreamJsonRpc has read it.</summary>
    public void DeserializationComplete(JsonRpcMessage message) => (message as IJsonRpcMessageBufferManager)?.DeserializationComplete(message);

    public void Dispose()
    {
        _input.Complete();
#pragma warning disable CS0618 // MessageHandlerBase.Dispose waits for DisposeAsync; the connection is closing, nothing else runs.
        _output.Dispose();
#pragma warning restore CS0618
    }

    /// <summary>The message to pass on to StreamJsonRpc, or null when it was answered or dropped here.</summary>
    private async ValueTask<JsonRpcMessage?> AcceptAsync(CheckedMessage check, byte[] body, CancellationToken cancellationToken)
    {
        switch (check.Kind)
        {
            case MessageKind.Invalid:
                if (check.Answer)
                {
                    await RejectAsync(check.Id, check.ErrorCode, check.Problem!, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Log($"dropped a message that cannot be answered: {check.Problem}");
                }

                return null;
            case MessageKind.Batch:
                Log($"refused a batch of {check.BatchIds.Count} requests");
                foreach (var id in check.BatchIds)
                {
                    await RejectAsync(id, check.ErrorCode, check.Problem!, cancellationToken).ConfigureAwait(false);
                }

                return null;
            case MessageKind.Response when !_sentRequests.TryRemove(check.Id, out _):
                Log($"ignored a response to id {check.Id}, which this server never sent (or that was answered already)");
                return null;
            case MessageKind.Request when !_receivedRequests.TryAdd(check.Id, true):
                await RejectAsync(check.Id, (int)JsonRpcErrorCode.InvalidRequest, $"request id {check.Id} is already in use by a request not answered yet", cancellationToken).ConfigureAwait(false);
                return null;
        }

        try
        {
            return _formatter.Deserialize(new ReadOnlySequence<byte>(body));
        }
        catch (Exception e)
        {
            // MessageCheck lets through only what the formatter reads; should it throw all the same, the message is refused, not the connection.
            _log.WriteLine($"heal: could not read a {check.Kind} for {check.Method ?? "a response"}: {e}");
            if (check.Kind == MessageKind.Request)
            {
                _receivedRequests.TryRemove(check.Id, out _);
                await RejectAsync(check.Id, (int)JsonRpcErrorCode.InvalidRequest, "the message could not be read as JSON-RPC", cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    /// <summary>Answers an error the server makes itself, and logs it.</summary>
    private async ValueTask RejectAsync(RequestId id, int code, string problem, CancellationToken cancellationToken)
    {
        Log($"answered {code} to id {id}: {problem}");
        var error = _formatter is IJsonRpcMessageFactory factory ? factory.CreateErrorMessage() : new JsonRpcError();
        error.RequestId = id;
        error.Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = problem };
        try
        {
            await _output.WriteAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The client closed its end; the read that follows ends the connection.
        }
    }

    private void Log(string line) => _log.WriteLine("heal: " + line);
}
