using System.Globalization;
using System.Text;
using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary>
/// The table <c>heal errors</c> prints: short id (what <c>--group</c> takes), status, count, last seen, the error, and where
/// it threw. It fits the terminal: the error text is shortened at its end, a path from its start, a directory at a time,
/// so the file name and line always show.
/// </summary>
public static class ErrorTable
{
    /// <summary>The id digits shown; <c>heal fix --group</c> and <c>heal errors --group</c> take any unique prefix.</summary>
    public const int ShortIdLength = 8;

    private const int MinimumErrorWidth = 24;
    private const int MinimumWhereWidth = 20;
    private const int MaximumWhereWidth = 60;

    /// <summary><c>COLUMNS</c>, else the console's width when it is a terminal, else 120.</summary>
    public static int TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        try
        {
            return !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    public static string Render(IReadOnlyList<ErrorGroup> groups, DateTimeOffset now, int width)
    {
        if (groups.Count == 0)
        {
            return "no errors yet\n";
        }

        var header = new[] { "ID", "STATUS", "COUNT", "LAST SEEN", "ERROR", "WHERE" };
        var rows = groups.Select(g => new[]
        {
            g.Id[..Math.Min(ShortIdLength, g.Id.Length)],
            GroupStatusText.From(g.Status),
            g.Count.ToString(CultureInfo.InvariantCulture),
            Ago(now - g.LastSeen),
            Clean($"{ShortType(g.Type)}: {g.Message}"),
            g.TopFrame is { } f ? Clean($"{f.Path ?? f.Function ?? "?"}:{f.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}") : "-",
        }).ToList();

        // The error text and the place share what the fixed columns leave: the place gets up to 40 % of it (a path shortened
        // from its start still ends in its file name and line), the error the rest.
        var fixedWidth = Enumerable.Range(0, 4).Sum(i => rows.Prepend(header).Max(r => r[i].Length) + 2);
        var remaining = Math.Max(0, width - fixedWidth - 2);
        var whereWidth = Math.Min(rows.Max(r => r[5].Length), Math.Min(MaximumWhereWidth, Math.Max(MinimumWhereWidth, remaining * 2 / 5)));
        var errorWidth = Math.Max(MinimumErrorWidth, remaining - whereWidth);
        foreach (var row in rows)
        {
            row[4] = ClipEnd(row[4], errorWidth);
            row[5] = ClipPath(row[5], whereWidth);
        }

        var widths = Enumerable.Range(0, 6).Select(i => rows.Prepend(header).Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            for (var i = 0; i < 6; i++)
            {
                var cell = i == 2 && row != header ? row[i].PadLeft(widths[i]) : row[i];
                text.Append(i == 5 ? cell : cell.PadRight(widths[i]) + "  ");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary><c>NullReferenceException</c> for <c>System.NullReferenceException</c>: the namespace rarely tells one error from another.</summary>
    public static string ShortType(string type)
    {
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        var plain = generic < 0 ? type : type[..generic];
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? type : type[(dot + 1)..];
    }

    /// <summary>Shortens a <c>path:line</c> from its start, a directory at a time, keeping the file name and line.</summary>
    public static string ClipPath(string where, int max)
    {
        if (where.Length <= max)
        {
            return where;
        }

        var separators = where.Select((c, i) => (c, i)).Where(p => p.c is '/' or '\\').Select(p => p.i).ToList();
        foreach (var cut in separators)
        {
            var rest = where[cut..];
            if (rest.Length + 1 <= max)
            {
                return "…" + rest;
            }
        }

        // Even the file name does not fit: keep its end, where the line number is.
        var last = separators.Count > 0 ? where[(separators[^1] + 1)..] : where;
        return last.Length <= max ? last : "…" + last[^(max - 1)..];
    }

    private static string ClipEnd(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Event text is untrusted: control characters (newlines, escape sequences) never reach the terminal.</summary>
    public static string Clean(string text) => new(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? ' ' : c).ToArray());

    public static string Ago(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "just now",
        { TotalSeconds: < 60 } => $"{(int)age.TotalSeconds}s ago",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m ago",
        { TotalHours: < 48 } => $"{(int)age.TotalHours}h ago",
        _ => $"{(int)age.TotalDays}d ago",
    };
}
