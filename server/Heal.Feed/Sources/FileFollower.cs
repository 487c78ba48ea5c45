using System.Text;
using Heal.Core.Model;

namespace Heal.Feed.Sources;

/// <summary>
/// Reads a file that another process appends to, one complete line at a time, remembering where it stopped.
/// </summary>
/// <remarks>
/// A line counts only once its <c>\n</c> is written, so a writer caught mid-line is read on the next call. The file
/// is reopened on every read (so a rotated file is seen under its path) and compared with what was read before: when it
/// is shorter than the position reached, or its first bytes differ, it was truncated or replaced and reading restarts
/// at its start. A line longer than the limit is skipped up to its line break and reported, so a runaway writer cannot
/// exhaust memory. Not thread-safe: one follower per reader.
/// </remarks>
internal sealed class FileFollower
{
    private const int HeadLength = 256;
    private const int ChunkLength = 64 * 1024;

    private readonly string _path;
    private readonly int _maxLineBytes;
    private long _offset;
    private long _lineNumber;
    private byte[] _head = [];
    private bool _skippingLongLine;

    public FileFollower(string path, int maxLineBytes)
    {
        _path = path;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>
    /// A follower that starts after the last complete line the file has now, so only lines completed later are read.
    /// A line being written at this moment is read once it is complete.
    /// </summary>
    public static FileFollower AtEnd(string path, int maxLineBytes)
    {
        var follower = new FileFollower(path, maxLineBytes);
        using var stream = OpenOrNull(path);
        if (stream is not null)
        {
            follower._offset = LastLineStart(stream);
            follower._lineNumber = CountLines(stream, follower._offset);
            follower._head = ReadHead(stream, Math.Min(HeadLength, follower._offset));
        }

        return follower;
    }

    /// <summary>Reads the complete lines appended since the last call, up to about <paramref name="byteBudget"/> bytes.</summary>
    public async Task<FileFollowBatch> ReadAsync(int byteBudget, CancellationToken cancellationToken)
    {
        var lines = new List<JsonLine>();
        var problems = new List<ParseProblem>();
        await using var stream = OpenOrNull(_path);
        if (stream is null)
        {
            var vanished = _offset > 0;
            Reset();
            return new FileFollowBatch(lines, problems, vanished, More: false);
        }

        var restarted = false;
        if (stream.Length < _offset || !HeadMatches(stream))
        {
            Reset();
            restarted = true;
        }

        stream.Position = _offset;
        var line = new MemoryStream();
        var buffer = new byte[ChunkLength];
        var position = _offset;
        var taken = 0L;
        var more = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                if (!_skippingLongLine)
                {
                    if (line.Length + (end - start) > _maxLineBytes)
                    {
                        _skippingLongLine = true;
                        problems.Add(new ParseProblem($"line {_lineNumber + 1}", $"longer than {_maxLineBytes} bytes; skipped."));
                        line.SetLength(0);
                    }
                    else
                    {
                        line.Write(buffer, start, end - start);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                _lineNumber++;
                if (!_skippingLongLine)
                {
                    lines.Add(new JsonLine(_lineNumber, Decode(line)));
                    taken += line.Length;
                }

                _skippingLongLine = false;
                line.SetLength(0);
                start = newline + 1;
                _offset = position + start;
            }

            position += read;
            if (_skippingLongLine)
            {
                // Everything read so far belongs to the over-long line: never read it again.
                _offset = position;
            }

            if (taken >= byteBudget)
            {
                more = true;
                break;
            }
        }

        RememberHead(stream);
        return new FileFollowBatch(lines, problems, restarted, more);
    }

    /// <summary>The bytes after the last complete line: a line still being written, or a last line without a line break.</summary>
    public async Task<JsonLine?> ReadUnterminatedTailAsync(CancellationToken cancellationToken)
    {
        if (_skippingLongLine)
        {
            return null;
        }

        await using var stream = OpenOrNull(_path);
        if (stream is null || stream.Length <= _offset || stream.Length - _offset > _maxLineBytes || !HeadMatches(stream))
        {
            return null;
        }

        stream.Position = _offset;
        var bytes = new byte[stream.Length - _offset];
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        if (Array.IndexOf(bytes, (byte)'\n') >= 0)
        {
            // Complete lines arrived since the last read; they are the next read's business.
            return null;
        }

        return new JsonLine(_lineNumber + 1, Encoding.UTF8.GetString(bytes));
    }

    private void Reset()
    {
        _offset = 0;
        _lineNumber = 0;
        _head = [];
        _skippingLongLine = false;
    }

    private bool HeadMatches(FileStream stream)
    {
        if (_head.Length == 0)
        {
            return true;
        }

        var now = ReadHead(stream, _head.Length);
        return now.AsSpan().SequenceEqual(_head);
    }

    private void RememberHead(FileStream stream)
    {
        if (_head.Length < HeadLength && _offset > _head.Length)
        {
            _head = ReadHead(stream, Math.Min(HeadLength, _offset));
        }
    }

    private static byte[] ReadHead(FileStream stream, long length)
    {
        var head = new byte[length];
        stream.Position = 0;
        var total = 0;
        while (total < head.Length)
        {
            var read = stream.Read(head, total, head.Length - total);
            if (read == 0)
            {
                return head[..total];
            }

            total += read;
        }

        return head;
    }

    private static long LastLineStart(FileStream stream)
    {
        var position = stream.Length;
        var buffer = new byte[ChunkLength];
        while (position > 0)
        {
            var length = (int)Math.Min(buffer.Length, position);
            position -= length;
            stream.Position = position;
            stream.ReadExactly(buffer, 0, length);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', length - 1, length);
            if (newline >= 0)
            {
                return position + newline + 1;
            }
        }

        return 0;
    }

    private static long CountLines(FileStream stream, long end)
    {
        stream.Position = 0;
        var buffer = new byte[ChunkLength];
        long count = 0;
        var remaining = end;
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                break;
            }

            count += buffer.AsSpan(0, read).Count((byte)'\n');
            remaining -= read;
        }

        return count;
    }

    private static string Decode(MemoryStream line)
    {
        var span = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }

        return Encoding.UTF8.GetString(span);
    }

    private static FileStream? OpenOrNull(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
