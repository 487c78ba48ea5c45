using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Heal.Core.Model;
using Heal.Core.Sources;
using Heal.Feed.Protocol;

namespace Heal.Feed.Sources;

/// <summary>
/// Errors from a file holding one Sentry event JSON per line (what <c>jq -c</c>, a log shipper or a test writes), grouped
/// in memory with the same parser and fingerprint as the store.
/// </summary>
/// <remarks>
/// A line counts once its line break is written; a last line without one is read as well when it is complete JSON, but
/// only provisionally, so a writer caught mid-line is never counted twice. A bad line is reported with its line number
/// (<see cref="JsonLinesOptions.ReportProblem"/> and <see cref="Problems"/>) and skipped: it never stops the reading.
/// Truncation and rotation (the path now names a new file) restart the reading at the new file's start.
/// </remarks>
public sealed class JsonLinesErrorSource : IErrorSource
{
    private const int MaxKeptProblems = 100;
    private const int ReadBudget = 4 * 1024 * 1024;

    private readonly string _path;
    private readonly JsonLinesOptions _options;
    private readonly SemaphoreSlim _snapshotLock = new(1, 1);
    private readonly FileFollower _snapshotFollower;
    private readonly InMemoryGroupIndex _index = new();
    private ImmutableQueue<ParseProblem> _problems = ImmutableQueue<ParseProblem>.Empty;
    private int _problemCount;

    public JsonLinesErrorSource(string path, JsonLinesOptions? options = null)
    {
        _path = Path.GetFullPath(path);
        _options = options ?? JsonLinesOptions.Default;
        _snapshotFollower = new FileFollower(_path, _options.MaxLineBytes);
    }

    public string Name => "jsonl:" + _path;

    /// <summary>The last (at most 100) problems met while listing groups or reading events, oldest first.</summary>
    public IReadOnlyList<ParseProblem> Problems => [.. _problems];

    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken)
    {
        await _snapshotLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var provisional = await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            return _index.List(limit, provisional);
        }
        finally
        {
            _snapshotLock.Release();
        }
    }

    public async Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken)
    {
        await _snapshotLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var provisional = await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            return _index.Latest(groupId, provisional);
        }
        finally
        {
            _snapshotLock.Release();
        }
    }

    /// <summary>
    /// Every event line completed after the call, in file order, as it is written. Follows the path across truncation and
    /// rotation; waits for the file when it does not exist yet. Bad lines are reported and skipped.
    /// </summary>
    public async IAsyncEnumerable<ErrorEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var follower = FileFollower.AtEnd(_path, _options.MaxLineBytes);
        using var changed = new SemaphoreSlim(0, 1);
        using var watcher = TryWatch(changed);
        while (!cancellationToken.IsCancellationRequested)
        {
            FileFollowBatch batch;
            try
            {
                batch = await follower.ReadAsync(ReadBudget, cancellationToken).ConfigureAwait(false);
                if (batch.Lines.Count == 0 && batch.Problems.Count == 0)
                {
                    // A change notification ends the wait early; the poll interval covers file systems that send none.
                    await changed.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            foreach (var problem in batch.Problems)
            {
                Report(problem);
            }

            foreach (var line in batch.Lines)
            {
                if (Parse(line) is { } errorEvent)
                {
                    yield return errorEvent;
                }
            }
        }
    }

    /// <summary>Reads what was appended since the last call into the index; returns the provisional last line's event, if any.</summary>
    private async Task<ErrorEvent?> CatchUpAsync(CancellationToken cancellationToken)
    {
        FileFollowBatch batch;
        do
        {
            batch = await _snapshotFollower.ReadAsync(ReadBudget, cancellationToken).ConfigureAwait(false);
            if (batch.Restarted)
            {
                _index.Clear();
            }

            foreach (var problem in batch.Problems)
            {
                Report(problem);
            }

            foreach (var line in batch.Lines)
            {
                if (Parse(line) is { } errorEvent)
                {
                    _index.Add(errorEvent);
                }
            }
        }
        while (batch.More);

        var tail = await _snapshotFollower.ReadUnterminatedTailAsync(cancellationToken).ConfigureAwait(false);
        if (tail is not { } last || string.IsNullOrWhiteSpace(last.Text))
        {
            return null;
        }

        // A writer may be in the middle of this line: take it only when it is already a whole event, and report nothing.
        var parsed = EventParsing.Parse(Encoding.UTF8.GetBytes(last.Text), DateTimeOffset.UtcNow);
        return parsed.Value;
    }

    private ErrorEvent? Parse(JsonLine line)
    {
        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return null;
        }

        var location = $"line {line.Number}";
        var parsed = EventParsing.Parse(Encoding.UTF8.GetBytes(line.Text), DateTimeOffset.UtcNow);
        if (parsed.Value is null)
        {
            var reason = parsed.Problems.IsDefaultOrEmpty ? "not a Sentry event." : string.Join(" ", parsed.Problems.Select(p => p.ToString()));
            Report(new ParseProblem(location, reason));
            return null;
        }

        foreach (var problem in parsed.Problems)
        {
            Report(new ParseProblem($"{location} {problem.Location}", problem.Message));
        }

        return parsed.Value;
    }

    private void Report(ParseProblem problem)
    {
        lock (_snapshotFollower)
        {
            _problems = _problems.Enqueue(problem);
            if (++_problemCount > MaxKeptProblems)
            {
                _problems = _problems.Dequeue();
                _problemCount--;
            }
        }

        _options.ReportProblem?.Invoke(problem);
    }

    private FileSystemWatcher? TryWatch(SemaphoreSlim changed)
    {
        var directory = Path.GetDirectoryName(_path);
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler signal = (_, _) => Signal(changed);
            watcher.Changed += signal;
            watcher.Created += signal;
            watcher.Deleted += signal;
            watcher.Renamed += (_, _) => Signal(changed);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify watches, or an exotic file system: polling alone still follows the file.
            return null;
        }
    }

    private static void Signal(SemaphoreSlim changed)
    {
        try
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another notification got there first: one pending wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // The watch ended while the notification was in flight.
        }
    }
}
