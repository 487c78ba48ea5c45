using System.Collections.Immutable;
using System.Globalization;
using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.Repair.Context;

namespace Heal.Repair.Llm;

/// <summary>
/// Turns a model's reply into a <see cref="Diagnosis"/>, trusting none of it: the patch must parse, touch only
/// the files of the linked frames, stay inside the repository and apply to the files as they are now.
/// Reads the repository; never writes it.
/// </summary>
public static class ReplyChecker
{
    /// <summary>Changed lines above which a crash fix is no longer "minimal".</summary>
    public const int LargePatchLines = 20;

    public static Diagnosis Check(LlmReply reply, RepairContext context, string repositoryRoot, string diagnoser)
    {
        var evidence = Evidence(context, repositoryRoot);
        var rootCause = reply.RootCause?.Trim() ?? "";
        if (reply.Decline is { } decline)
        {
            return Diagnosis.Declined(diagnoser, $"the model declined: {decline.Trim()}", rootCause, evidence);
        }

        if (reply.Patch is not { } patchText || patchText.Trim().Length == 0)
        {
            return Diagnosis.Declined(diagnoser, "the model proposed no patch and gave no reason", rootCause, evidence);
        }

        // Name the offending path the way a reviewer would read it, before the parser's generic refusal.
        foreach (var path in HeaderPaths(patchText))
        {
            if (PathProblem(path) is { } problem)
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch edits '{path}', which {problem}", rootCause, evidence);
            }
        }

        var parsed = Patch.Parse(patchText);
        if (parsed.Value is not { } patch)
        {
            return Diagnosis.Declined(diagnoser, $"the model's patch is not a unified diff: {string.Join("; ", parsed.Problems)}", rootCause, evidence);
        }

        var root = Path.GetFullPath(repositoryRoot);
        var files = ImmutableArray.CreateBuilder<string>();
        var diffs = new List<string>();
        foreach (var file in patch.Files)
        {
            if (file.OldPath is null || file.NewPath is null)
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch creates or deletes '{file.NewPath ?? file.OldPath}'; only edits of existing files are allowed", rootCause, evidence);
            }

            foreach (var path in (string[])[file.OldPath, file.NewPath])
            {
                if (PathProblem(path) is { } problem)
                {
                    return Diagnosis.Declined(diagnoser, $"the model's patch edits '{path}', which {problem}", rootCause, evidence);
                }
            }

            if (!string.Equals(file.OldPath, file.NewPath, StringComparison.Ordinal))
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch renames '{file.OldPath}' to '{file.NewPath}'; only edits in place are allowed", rootCause, evidence);
            }

            var relative = file.NewPath;
            if (!context.AllowedFiles.Contains(relative, StringComparer.Ordinal))
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch edits {relative}, which is not in the stack trace", rootCause, evidence);
            }

            if (files.Contains(relative))
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch changes {relative} twice", rootCause, evidence);
            }

            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch edits '{relative}', which is outside the repository", rootCause, evidence);
            }

            string original;
            try
            {
                original = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Diagnosis.Declined(diagnoser, $"the patch does not apply: {relative} cannot be read ({e.Message})", rootCause, evidence);
            }

            var result = Patch.ApplyTo(original, file);
            if (result.Value is not { } applied)
            {
                return Diagnosis.Declined(diagnoser, $"the patch does not apply: {relative}: {string.Join("; ", result.Problems.Select(p => p.Message))}", rootCause, evidence);
            }

            if (string.Equals(applied, original, StringComparison.Ordinal))
            {
                return Diagnosis.Declined(diagnoser, $"the model's patch does not change {relative}", rootCause, evidence);
            }

            files.Add(relative);

            // The diff is regenerated from the checked result, so prose or junk around the model's diff never reaches a reviewer.
            diffs.Add(UnifiedDiff.Create(relative, original, applied));
        }

        var (confidence, reasons) = Confidence(reply, context, patch, rootCause.Length > 0);
        return Diagnosis.Diagnosed(
            diagnoser,
            rootCause.Length > 0 ? rootCause : "The model proposed a patch without stating the root cause.",
            UnifiedDiff.Combine([.. diffs]),
            files.ToImmutable(),
            FixKind(reply.FixKind),
            confidence,
            reasons,
            evidence);
    }

    /// <summary>Why a patch path is unacceptable, or null. Paths must be repository-relative with forward slashes.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0)
        {
            return "is empty";
        }

        if (path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path) || (path.Length >= 2 && path[1] == ':'))
        {
            return "is an absolute path outside the repository";
        }

        if (path.Contains('\\') || path.Contains('\0'))
        {
            return "is not a repository-relative path with forward slashes";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is ".." or "." or ""))
        {
            return "escapes the repository (it has '..', '.' or empty path segments)";
        }

        return segments[0].Equals(".git", StringComparison.OrdinalIgnoreCase) ? "is inside .git" : null;
    }

    private static (double Confidence, ImmutableArray<ConfidenceReason> Reasons) Confidence(
        LlmReply reply, RepairContext context, Patch patch, bool hasRootCause)
    {
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        var reported = reply.Confidence;
        var start = reported is { } value && double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0.5;
        reasons.Add(new ConfidenceReason(start, reported switch
        {
            null => "the model gave no confidence; starting from 0.5",
            { } r when !double.IsFinite(r) || r < 0 || r > 1 => string.Create(CultureInfo.InvariantCulture, $"the model reported {r}, clamped into [0,1]"),
            _ => "the model's own estimate",
        }));
        reasons.Add(new ConfidenceReason(-0.10, "model-reported confidence is not calibrated"));

        var throwing = context.Frames.IsDefaultOrEmpty ? null : context.Frames[0];
        if (throwing is not null)
        {
            var near = patch.Files.Any(f => f.NewPath == throwing.RelativePath && f.Hunks.Any(h => throwing.Line >= h.OldStart - 3 && throwing.Line <= h.OldStart + h.OldCount + 3));
            reasons.Add(near
                ? new ConfidenceReason(+0.05, "the patch changes code at the throwing line")
                : new ConfidenceReason(-0.10, "the patch does not change code near the throwing line"));
        }

        if (patch.ChangedLineCount > LargePatchLines)
        {
            reasons.Add(new ConfidenceReason(-0.10, $"the patch changes {patch.ChangedLineCount} lines, large for a crash fix"));
        }

        if (!hasRootCause)
        {
            reasons.Add(new ConfidenceReason(-0.10, "the model stated no root cause"));
        }

        return (Math.Round(Math.Clamp(reasons.Sum(r => r.Delta), 0, 1), 2), reasons.ToImmutable());
    }

    private static string FixKind(string? kind)
    {
        // The kind is shown and grouped on; keep it a short kebab-case token whatever the model wrote.
        var clean = new string((kind ?? "").Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (clean.Contains("--", StringComparison.Ordinal))
        {
            clean = clean.Replace("--", "-", StringComparison.Ordinal);
        }

        return clean.Length is > 0 and <= 40 ? clean : "llm-patch";
    }

    /// <summary>The paths named by the diff's file headers, without their <c>a/</c> and <c>b/</c> prefixes.</summary>
    private static IEnumerable<string> HeaderPaths(string patchText)
    {
        foreach (var raw in patchText.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            string? path = null;
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = line[4..].Split('\t')[0].Trim();
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal) || line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                path = line[(line.IndexOf(' ', 7) + 1)..].Trim();
            }

            if (path is null || path == "/dev/null")
            {
                continue;
            }

            if (path.Length >= 2 && path[0] == '"' && path[^1] == '"')
            {
                path = path[1..^1];
            }

            yield return path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
        }
    }

    private static ImmutableArray<Evidence> Evidence(RepairContext context, string repositoryRoot)
    {
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var frame in context.Frames.IsDefault ? [] : context.Frames.Take(5))
        {
            evidence.Add(new Evidence(frame.RelativePath, frame.Line, LineText(context, repositoryRoot, frame), evidence.Count == 0 ? "throwing frame" : "caller"));
        }

        return evidence.ToImmutable();
    }

    private static string LineText(RepairContext context, string repositoryRoot, LinkedFrame frame)
    {
        // Prefer the snippet already read; fall back to the file.
        foreach (var snippet in context.Snippets)
        {
            var lines = snippet.Text.Replace("\r\n", "\n").Split('\n');
            if (snippet.RelativePath == frame.RelativePath && frame.Line >= snippet.StartLine && frame.Line < snippet.StartLine + lines.Length)
            {
                return lines[frame.Line - snippet.StartLine].Trim();
            }
        }

        try
        {
            if (frame.Line < 1)
            {
                return "";
            }

            var lines = File.ReadLines(Path.Combine(repositoryRoot, frame.RelativePath)).Skip(frame.Line - 1).Take(1).ToList();
            return lines.Count == 1 ? lines[0].Trim() : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "";
        }
    }
}
