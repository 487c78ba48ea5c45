using Heal.Repair.Tests.Rules;

namespace Heal.Repair.Tests;

/// <summary>A repository on disk built from a <c>//- path</c> fixture; deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    private TempRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static TempRepository Create(string fixture)
    {
        var root = Path.Combine(Path.GetTempPath(), "heal-repair-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = new TempRepository(root);
        foreach (var (path, text) in RuleFixture.ParseFiles(fixture))
        {
            repository.Write(path, text);
        }

        return repository;
    }

    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every file and its text, to prove the repository was not written.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText, StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS; the temp directory is cleaned eventually.
        }
    }
}
