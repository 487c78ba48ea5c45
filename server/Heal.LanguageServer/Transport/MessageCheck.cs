using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// Reads one body before StreamJsonRpc sees it, so nothing it would choke on reaches it: the bytes must be UTF-8 and JSON
/// nested at most <see cref="MaxDepth"/> deep (else a parse error, -32700), and one JSON-RPC 2.0 object: a request, a
/// notification or a response (else an invalid request, -32600, with the id when it can be read). Batches are refused
/// request by request. Pure, one pass with <see cref="Utf8JsonReader"/>, no allocation but the strings it returns.
/// </summary>
public static class MessageCheck
{
    /// <summary>The deepest nesting accepted: System.Text.Json's own default, which the handlers' parameter reading uses too.</summary>
    public const int MaxDepth = 64;

    public const string BatchProblem = "batch messages are not supported by this server: send each message on its own";

    public static CheckedMessage Check(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return ParseError($"the body is not valid UTF-8 at byte {FirstInvalidUtf8(body)}");
        }

        if (body.IsEmpty)
        {
            return ParseError("the body is not valid JSON: it is empty");
        }

        if (UnpairedSurrogateEscape(body) is var surrogate and >= 0)
        {
            return ParseError($"the body has an unpaired UTF-16 surrogate escape at byte {surrogate}");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            var message = reader.TokenType switch
            {
                JsonTokenType.StartObject => ReadObject(ref reader),
                JsonTokenType.StartArray => ReadBatch(ref reader),
                _ => SkipScalar(ref reader),
            };

            // Anything after the message's one value (but whitespace) is invalid JSON: Read throws on it.
            reader.Read();
            return message;
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth - 1
                ? ParseError($"the body is nested deeper than {MaxDepth} levels")
                : ParseError($"the body is not valid JSON (at byte {reader.BytesConsumed})");
        }
    }

    private static CheckedMessage SkipScalar(ref Utf8JsonReader reader) =>
        Invalid("the message is not a JSON object", RequestId.Null);

    private static CheckedMessage ReadBatch(ref Utf8JsonReader reader)
    {
        var ids = new List<RequestId>();
        var elements = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            elements++;
            if (reader.TokenType == JsonTokenType.StartObject && ReadObject(ref reader) is { Kind: MessageKind.Request } request)
            {
                ids.Add(request.Id);
            }
            else
            {
                reader.Skip();
            }
        }

        return elements == 0
            ? Invalid("an empty batch is not a message", RequestId.Null)
            : new CheckedMessage(MessageKind.Batch, RequestId.NotSpecified, (int)JsonRpcErrorCode.InvalidRequest, BatchProblem, ids.Count > 0) { BatchIds = ids };
    }

    /// <summary>Reads the object the reader is at (its start token) to its end, then says what it is.</summary>
    private static CheckedMessage ReadObject(ref Utf8JsonReader reader)
    {
        var fields = new Fields();
        Span<byte> unescaped = stackalloc byte[48];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Member names are compared unescaped, as System.Text.Json (and so StreamJsonRpc) compares them: "\u0069d" is "id".
            scoped ReadOnlySpan<byte> name = reader.ValueSpan;
            if (reader.ValueIsEscaped)
            {
                name = reader.ValueSpan.Length <= unescaped.Length ? unescaped[..reader.CopyString(unescaped)] : [];
            }

            reader.Read();
            fields.Read(name, ref reader);
        }

        return fields.Classify();
    }

    private static CheckedMessage ParseError(string problem) =>
        new(MessageKind.Invalid, RequestId.Null, (int)JsonRpcErrorCode.ParseError, problem, Answer: true);

    private static CheckedMessage Invalid(string problem, RequestId id, bool answer = true) =>
        new(MessageKind.Invalid, id, (int)JsonRpcErrorCode.InvalidRequest, problem, answer);

    /// <summary>
    /// The offset of a <c>\uD800</c>–<c>\uDFFF</c> escape that is not one half of a pair, or -1. System.Text.Json parses
    /// such a string but throws when it is read as text, which StreamJsonRpc does for member names and ids while reading a
    /// message, and a throw there closes the connection. One pass over the bytes, no allocation: outside strings a
    /// backslash is invalid JSON anyway, which the reader reports.
    /// </summary>
    private static int UnpairedSurrogateEscape(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            var next = body[offset..].IndexOf((byte)'\\');
            if (next < 0)
            {
                return -1;
            }

            var at = offset + next;
            if (at + 1 >= body.Length || body[at + 1] != (byte)'u' || !TryReadHex4(body, at + 2, out var unit))
            {
                offset = at + 2;
                continue;
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return at;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var low = at + 6;
                if (low + 1 >= body.Length || body[low] != (byte)'\\' || body[low + 1] != (byte)'u' || !TryReadHex4(body, low + 2, out var second) || second is < 0xDC00 or > 0xDFFF)
                {
                    return at;
                }

                offset = low + 6;
                continue;
            }

            offset = at + 6;
        }

        return -1;
    }

    private static bool TryReadHex4(ReadOnlySpan<byte> body, int start, out int value)
    {
        value = 0;
        if (start + 4 > body.Length)
        {
            return false;
        }

        foreach (var digit in body.Slice(start, 4))
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | nibble;
        }

        return true;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>The members of one message object that matter to JSON-RPC, as read.</summary>
    private ref struct Fields
    {
        private bool _versionOk;
        private bool _hasVersion;
        private bool _hasId;
        private RequestId _id;
        private string? _idProblem;
        private bool _hasMethod;
        private string? _method;
        private bool _hasParams;
        private string? _paramsProblem;
        private bool _positionalParams;
        private bool _hasResult;
        private bool _hasError;
        private bool _errorOk;
        private string? _duplicate;

        public void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
        {
            if (name.SequenceEqual("jsonrpc"u8))
            {
                Seen(ref _hasVersion, "jsonrpc");
                _versionOk = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
            }
            else if (name.SequenceEqual("id"u8))
            {
                Seen(ref _hasId, "id");
                (_id, _idProblem) = reader.TokenType switch
                {
                    JsonTokenType.String => (new RequestId(reader.GetString()), null),
                    JsonTokenType.Number when reader.TryGetInt64(out var number) => (new RequestId(number), null),
                    JsonTokenType.Null => (RequestId.Null, null),
                    _ => (RequestId.Null, "'id' must be a string, an integer or null"),
                };
            }
            else if (name.SequenceEqual("method"u8))
            {
                Seen(ref _hasMethod, "method");
                _method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (name.SequenceEqual("params"u8))
            {
                Seen(ref _hasParams, "params");
                _paramsProblem = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null ? null : "'params' must be an object";
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    // Positional params: an empty array means none; any element is refused, as every method takes an object.
                    _positionalParams = reader.Read() && reader.TokenType != JsonTokenType.EndArray;
                    if (_positionalParams)
                    {
                        reader.Skip();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            reader.Skip();
                        }
                    }

                    return;
                }
            }
            else if (name.SequenceEqual("result"u8))
            {
                Seen(ref _hasResult, "result");
            }
            else if (name.SequenceEqual("error"u8))
            {
                Seen(ref _hasError, "error");
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    _errorOk = ReadErrorObject(ref reader);
                    return;
                }

                _errorOk = false;
            }

            reader.Skip();
        }

        public readonly CheckedMessage Classify()
        {
            if (_duplicate is not null)
            {
                return Invalid($"'{_duplicate}' appears twice", _duplicate == "id" || _idProblem is not null || !_hasId ? RequestId.Null : _id);
            }

            if (_idProblem is not null)
            {
                return Invalid(_idProblem, RequestId.Null, answer: _hasMethod || !(_hasResult || _hasError));
            }

            var id = _hasId ? _id : RequestId.NotSpecified;
            var answerId = _hasId ? _id : RequestId.Null;
            if (_hasMethod)
            {
                // A notification is never answered, not even with an error (JSON-RPC 2.0, section 4.1): it is only logged.
                var answer = _hasId;
                if (_method is null)
                {
                    return Invalid("'method' must be a string", answerId, answer);
                }

                if (!_hasVersion || !_versionOk)
                {
                    return Invalid("'jsonrpc' must be \"2.0\"", answerId, answer) with { Method = _method };
                }

                if (_paramsProblem is not null)
                {
                    return Invalid(_paramsProblem, answerId, answer) with { Method = _method };
                }

                if (_positionalParams)
                {
                    return new CheckedMessage(MessageKind.Invalid, answerId, (int)JsonRpcErrorCode.InvalidParams, $"{_method}: params must be an object", answer) { Method = _method };
                }

                return new CheckedMessage(_hasId ? MessageKind.Request : MessageKind.Notification, id) { Method = _method };
            }

            if (_hasResult || _hasError)
            {
                // A response is never answered: a bad one is logged and dropped.
                string? problem = (_hasResult && _hasError) ? "a response with both 'result' and 'error'"
                    : _hasError && !_errorOk ? "a response whose 'error' lacks an integer 'code' and a string 'message'"
                    : !_hasVersion || !_versionOk ? "a response whose 'jsonrpc' is not \"2.0\""
                    : !_hasId ? "a response without an id"
                    : null;
                return problem is null ? new CheckedMessage(MessageKind.Response, id) : Invalid(problem, answerId, answer: false);
            }

            return Invalid("the message is neither a request nor a response", answerId);
        }

        private void Seen(ref bool flag, string name)
        {
            if (flag)
            {
                _duplicate ??= name;
            }

            flag = true;
        }

        private static bool ReadErrorObject(ref Utf8JsonReader reader)
        {
            var code = false;
            var message = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                code |= isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _);
                message |= isMessage && reader.TokenType == JsonTokenType.String;
                reader.Skip();
            }

            return code && message;
        }
    }
}
