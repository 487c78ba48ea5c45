using System.Text;

namespace Reporting;

public sealed class ReportExporter
{
    private readonly ExportPaths _paths;

    public ReportExporter(ExportPaths paths)
    {
        _paths = paths;
    }

    public string Export(Report report, IEnumerable<string[]> rows)
    {
        var path = _paths.PathFor(report.FileName);
        Write(path, report, rows);
        return path;
    }

    public string Archive(Report report, IEnumerable<string[]> rows, DateOnly day)
    {
        var path = _paths.ArchivePathFor(report.FileName ?? report.DefaultFileName(), day);
        Write(path, report, rows);
        return path;
    }

    private static void Write(string path, Report report, IEnumerable<string[]> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var csv = new StringBuilder();
        csv.AppendLine($"# {report.Title}");
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row.Select(Escape)));
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static string Escape(string cell)
    {
        return cell.Contains(',') || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
    }
}
