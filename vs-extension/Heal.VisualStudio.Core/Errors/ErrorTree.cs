using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;

namespace Heal.VisualStudio.Core.Errors;

/// <summary>
/// The Production Errors tree (groups → frames → line) from heal/listErrors, as vscode-extension/src/errorsView.ts
/// shows it. Event text is untrusted: it is only ever shown as plain text.
/// </summary>
public static class ErrorTree
{
    public static IReadOnlyList<ErrorGroupNode> Build(ListErrorsResult result, string? workspaceRoot) =>
        result.Errors.Select(e => GroupOf(e, workspaceRoot)).ToList();

    /// <summary>How many groups the status bar counts: every one not muted.</summary>
    public static int OpenCount(ListErrorsResult result) => result.Errors.Count(e => e.Status != "muted");

    public static string StatusText(int openCount) =>
        $"Heal: {openCount} production error{(openCount == 1 ? "" : "s")}";

    private static ErrorGroupNode GroupOf(ErrorSummary error, string? workspaceRoot)
    {
        var muted = error.Status == "muted";
        var count = $"{error.Count} event{(error.Count == 1 ? "" : "s")}";
        var lastSeen = DateTimeOffset.TryParse(error.LastSeen, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seen)
            ? "last " + seen.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)
            : "";
        var description = string.Join(" · ", new[] { count, lastSeen, error.Release ?? "", muted ? "muted" : "" }.Where(s => s.Length > 0));
        var frames = error.Frames.Select(f => FrameOf(f, workspaceRoot)).ToList();
        return new ErrorGroupNode(error.GroupId, $"{ShortType(error.Type)}: {error.Message ?? ""}", description, $"{error.Type}: {error.Message ?? ""}", muted, frames);
    }

    private static ErrorFrameNode FrameOf(ErrorFrame frame, string? workspaceRoot)
    {
        var label = frame.Function ?? frame.File ?? "(unknown frame)";
        if (frame.Location is { } location)
        {
            var path = PatchReview.LocalPath(location.Uri);
            var start = location.Range.Start;
            var shown = workspaceRoot is { Length: > 0 } root && path.StartsWith(root, StringComparison.OrdinalIgnoreCase)
                ? path.Substring(root.Length).TrimStart('/', '\\')
                : path;
            return new ErrorFrameNode(label, $"{shown}:{start.Line + 1}", path, start.Line, start.Character);
        }

        var file = frame.File is { } name ? Path.GetFileName(name.Replace('\\', '/')) : "";
        return new ErrorFrameNode(label, file.Length > 0 && frame.Line is { } line ? $"{file}:{line}" : file, null, 0, 0);
    }

    /// <summary>System.NullReferenceException → NullReferenceException: the tree is narrow.</summary>
    private static string ShortType(string type) => type.Split('.').Last();
}
