using System.Text;
using System.Text.Json;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Errors on the open files first. Reading and linking the whole store takes seconds with 10,000 groups; meanwhile each
/// file the editor opens gets a first pass: the store keeps only the groups whose latest event's raw JSON names the file
/// (its name, as written or JSON-escaped), those few are linked, and their entries are handed over to be installed and the
/// file published. The file's diagnostics are then exactly what the full load will give it: every group with a frame
/// linked to the file names it in its event. A frame that names the file differently (another letter case, an escape
/// this does not try) misses the first pass and appears with the full load. Passes run one at a time, until
/// <see cref="Close"/>; <see cref="IdleAsync"/> lets the full load give them the CPU first.
/// </summary>
public sealed class OpenDocumentsFirst
{
    private readonly object _gate = new();
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);
    private readonly List<string> _pending = [];
    private TaskCompletionSource _work = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _idle = Completed();
    private bool _closed;

    /// <summary>Asks for a first pass over a repository-relative file; each file is served once, and none after <see cref="Close"/>.</summary>
    public void Request(string relativePath)
    {
        lock (_gate)
        {
            if (_closed || !_requested.Add(relativePath))
            {
                return;
            }

            _pending.Add(relativePath);
            if (_idle.Task.IsCompleted)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _work.TrySetResult();
        }
    }

    /// <summary>The full snapshot is in: no more passes (a pass already running finishes; its install is then skipped).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _pending.Clear();
            _work.TrySetResult();
            _idle.TrySetResult();
        }
    }

    /// <summary>Completes when no pass is running or waiting.</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    /// <summary>
    /// Serves passes until <see cref="Close"/>: each takes every file requested so far, reads and links their candidate
    /// entries (<paramref name="readAndLink"/>; null when the source cannot do it), and gives them to <paramref name="install"/>.
    /// A failed pass is logged and its files wait for the full load.
    /// </summary>
    public async Task RunAsync(Func<IReadOnlyList<byte[]>, CancellationToken, Task<IReadOnlyList<ErrorEntry>?>> readAndLink,
        Func<IReadOnlyList<string>, IReadOnlyList<ErrorEntry>, Task> install, Func<string, Task> log, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<string> files;
            Task work;
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                files = [.. _pending];
                _pending.Clear();
                _work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                work = _work.Task;
            }

            if (files.Count > 0)
            {
                try
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    if (await readAndLink(Needles(files), cancellationToken).ConfigureAwait(false) is { } entries)
                    {
                        var read = clock.ElapsedMilliseconds;
                        await install(files, entries).ConfigureAwait(false);
                        await log($"heal: first pass over {files.Count} open {(files.Count == 1 ? "file" : "files")}: {entries.Count} groups read and linked in {read} ms, published in {clock.ElapsedMilliseconds - read} ms").ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await log($"heal: first pass over {files.Count} open files failed, they wait for the full load: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
                }

                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _idle.TrySetResult();
                    }
                }

                continue;
            }

            await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The byte strings a Sentry event's JSON holds a file's name as: UTF-8, and JSON-escaped the way System.Text.Json writes it.</summary>
    public static IReadOnlyList<byte[]> Needles(IEnumerable<string> relativePaths) =>
        relativePaths.Select(p => p[(p.LastIndexOf('/') + 1)..])
            .SelectMany(name => new[] { name, JsonEncodedText.Encode(name).Value })
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes)
            .ToList();

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.TrySetResult();
        return completed;
    }
}
