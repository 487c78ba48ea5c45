using System.Globalization;
using System.Text;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.LanguageServer.Benchmarks;

/// <summary>
/// A generated workspace of <c>files</c> C# files and a real feed store whose groups' frames point at them: group
/// <c>g</c> throws in file <c>g % files</c> and is called from two other files, so every file carries diagnostics.
/// </summary>
public sealed class BenchWorld : IDisposable
{
    public const int LinesPerFile = 60;

    private readonly bool _keep;

    private BenchWorld(string directory, int files, int groups, bool keep = false)
    {
        _keep = keep;
        Directory = directory;
        Files = files;
        Groups = groups;
    }

    public string Directory { get; }

    public string Root => Path.Combine(Directory, "repo");

    public string StorePath => Path.Combine(Directory, "heal.db");

    public int Files { get; }

    public int Groups { get; }

    /// <summary>Generates a world in <paramref name="keepIn"/> (kept afterwards; reused when it already holds a store) or in a temporary folder.</summary>
    public static async Task<BenchWorld> CreateAsync(int files, int groups, int eventsPerGroup, string? keepIn = null)
    {
        var directory = keepIn ?? Path.Combine(Path.GetTempPath(), "heal-lsp-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var world = new BenchWorld(directory, files, groups, keepIn is not null);
        if (File.Exists(world.StorePath))
        {
            return world;
        }

        for (var f = 0; f < files; f++)
        {
            var path = world.PathOf(f);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, SourceOf(f));
        }

        await using var store = SqliteErrorStore.Open(world.StorePath);
        var batch = new List<NewEvent>(5000);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var e = 0; e < eventsPerGroup; e++)
        {
            for (var g = 0; g < groups; g++)
            {
                batch.Add(world.NewEventOf(g, e, start.AddSeconds((e * groups) + g)));
                if (batch.Count == batch.Capacity)
                {
                    await store.AppendAsync(batch, CancellationToken.None);
                    batch.Clear();
                }
            }
        }

        await store.AppendAsync(batch, CancellationToken.None);
        return world;
    }

    public string PathOf(int file) => Path.Combine(Root, "src", $"Area{file / 100}", $"File{file}.cs");

    public string UriOf(int file) => new Uri(PathOf(file)).AbsoluteUri;

    /// <summary>The 1-based line group <paramref name="group"/> throws on, in file <c>group % Files</c>.</summary>
    public int ThrowingLine(int group) => 8 + ((group / Files % 10) * 5);

    /// <summary>An event of <paramref name="group"/>, built and grouped the way the receiver does.</summary>
    public NewEvent NewEventOf(int group, int sequence, DateTimeOffset timestamp)
    {
        var json = EventJson(group, sequence, timestamp);
        var errorEvent = ErrorEvent.FromSentryJson(json).Value!;
        var fingerprint = Fingerprint.Compute(errorEvent);
        var culprit = errorEvent.Culprit;
        return new NewEvent(errorEvent.Id, fingerprint.GroupId, fingerprint.Hash, fingerprint.Basis, culprit?.Type ?? "message",
            culprit?.Value ?? errorEvent.Message, errorEvent.Timestamp, DateTimeOffset.UtcNow, errorEvent.Release,
            culprit?.ThrowingFrame, Encoding.UTF8.GetBytes(json), []);
    }

    private string EventJson(int group, int sequence, DateTimeOffset timestamp)
    {
        var id = ((long)group * 1000 + sequence).ToString("x32", CultureInfo.InvariantCulture);
        var throwing = group % Files;
        var caller = (group + 7) % Files;
        var entry = (group + 13) % Files;
        var method = group / Files % 10;
        return $$"""
        {"event_id":"{{id}}","timestamp":"{{timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}","platform":"csharp","release":"bench@1.{{sequence}}",
         "exception":{"values":[{"type":"Bench.Failure{{group}}Exception","value":"bench failure {{group}} (event {{sequence}})","module":"Bench",
          "stacktrace":{"frames":[
           {{Frame(entry, 0)}},
           {{Frame(caller, method)}},
           {"filename":"File{{throwing}}.cs","abs_path":"/build/bench/{{Relative(throwing)}}","function":"void Bench.File{{throwing}}.Method{{method}}()","module":"Bench","lineno":{{ThrowingLine(group)}},"colno":13,"in_app":true}
          ] } } ] } }
        """;
    }

    private string Frame(int file, int method) =>
        $$"""{"filename":"File{{file}}.cs","abs_path":"/build/bench/{{Relative(file)}}","function":"void Bench.File{{file}}.Method{{method}}()","module":"Bench","lineno":{{8 + (method * 5)}},"in_app":true}""";

    private static string Relative(int file) => $"src/Area{file / 100}/File{file}.cs";

    /// <summary>Ten methods of five lines each after a short header: Method<c>m</c> is declared on line <c>6 + 5m</c> and calls on <c>8 + 5m</c>.</summary>
    private static string SourceOf(int file)
    {
        var text = new StringBuilder();
        text.Append("namespace Bench;\n\n// Generated for the language server benchmark.\npublic sealed class File").Append(file).Append('\n').Append("{\n");
        for (var m = 0; m < 10; m++)
        {
            text.Append("    public void Method").Append(m).Append("()\n    {\n        var value = Compute(").Append(m).Append(");\n        Use(value);\n    }\n");
        }

        text.Append("    private static int Compute(int x) => x;\n    private static void Use(int x) { }\n}\n");
        return text.ToString();
    }

    public void Dispose()
    {
        if (_keep)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
