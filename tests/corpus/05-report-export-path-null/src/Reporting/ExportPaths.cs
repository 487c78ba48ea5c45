namespace Reporting;

public sealed class ExportPaths
{
    private readonly string _root;

    public ExportPaths(string root)
    {
        _root = root;
    }

    public string PathFor(string fileName)
    {
        return Path.Combine(_root, "current", fileName);
    }

    public string ArchivePathFor(string fileName, DateOnly day)
    {
        return Path.Combine(_root, "archive", day.ToString("yyyy-MM-dd"), fileName);
    }
}
