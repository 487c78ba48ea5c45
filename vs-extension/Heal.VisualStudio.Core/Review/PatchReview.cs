using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Heal.VisualStudio.Core.Protocol;

namespace Heal.VisualStudio.Core.Review;

/// <summary>
/// A heal/heal result under review, before anything touches the working tree (the model of
/// vscode-extension/src/patchReview.ts): the diffs (the regression test as a new file first, then the fix, so the fix
/// ends up in front), the validation table, the confidence, and Accept / Reject / Open pull request. Accept yields
/// exactly the reported edit; a result without a patch is a decline message instead.
/// </summary>
public sealed class PatchReview
{
    private readonly List<FileChange> _changes;
    private readonly List<NewFile> _newFiles;

    private PatchReview(string groupId, string? uri, HealResult result, List<FileChange> changes, List<NewFile> newFiles, List<ReviewedFile> files, string? problem)
    {
        GroupId = groupId;
        Uri = uri;
        Result = result;
        _changes = changes;
        _newFiles = newFiles;
        Files = files;
        Problem = problem;
    }

    public string GroupId { get; }

    /// <summary>The document the user asked from, if any.</summary>
    public string? Uri { get; }

    public HealResult Result { get; }

    public ReviewState State { get; private set; }

    /// <summary>The diffs to show, regression test first.</summary>
    public IReadOnlyList<ReviewedFile> Files { get; }

    /// <summary>Set when the result carried a patch that cannot be shown (a file it edits is missing).</summary>
    public string? Problem { get; }

    public bool IsValidated => Result.Status == "validated";

    /// <summary>True when there is something to accept: a patch whose edits apply to this workspace.</summary>
    public bool HasPatch => Problem is null && _changes.Count > 0;

    /// <summary>Delivery refuses a patch that did not pass validation, so only a validated one is offered as a pull request.</summary>
    public bool CanOpenPullRequest => HasPatch && IsValidated && State == ReviewState.Pending;

    public int ConfidencePercent => (int)Math.Round(Result.Confidence * 100, MidpointRounding.AwayFromZero);

    public string RootCause => string.IsNullOrWhiteSpace(Result.RootCause) ? "unknown" : Result.RootCause!;

    public IReadOnlyList<ValidationRow> Rows => Result.Gates.Select(g => new ValidationRow(MarkOf(g.Status), g.Name, g.Status, g.Detail ?? "")).ToList();

    /// <summary>The question asked beside the diff, as VS Code asks it.</summary>
    public string Headline
    {
        get
        {
            var confidence = string.Format(CultureInfo.InvariantCulture, " · confidence {0}%", ConfidencePercent);
            if (IsValidated)
            {
                var passed = Result.Gates.Count(g => g.Status == "passed");
                var withTest = Result.RegressionTest is null ? "" : " with its regression test";
                return $"Heal: patch validated{confidence} · {passed}/{Result.Gates.Count} gates passed. Apply it{withTest}?";
            }

            var failed = Result.Gates.Where(g => g.Status == "failed").Select(g => g.Name).ToList();
            return $"Heal: patch {Result.Status}{(failed.Count > 0 ? $" (failed: {string.Join(", ", failed)})" : "")}{confidence}. Apply it anyway?";
        }
    }

    /// <summary>
    /// What the user reads when the run ends without a patch to review. The server's message already starts with the
    /// status ("declined: the intended behaviour … cannot be inferred"), so it is not repeated.
    /// </summary>
    public string NoPatchMessage
    {
        get
        {
            if (Problem is not null)
            {
                return $"Heal: {Problem}. Nothing was changed.";
            }

            var reason = Regex.Replace(Result.Message ?? "", "^" + Regex.Escape(Result.Status) + @":\s*", "", RegexOptions.IgnoreCase).TrimEnd('.');
            var what = Result.Status == "declined" ? "Heal declined to patch this error" : $"Heal: no patch ({Result.Status})";
            var candidates = Result.Candidates.Count == 0
                ? ""
                : "\nFixes the evidence supported, none applied:" + string.Concat(Result.Candidates.Select((c, i) =>
                    string.Format(CultureInfo.InvariantCulture, "\n{0}. {1} ({2}, score {3:0.00})", i + 1, c.Summary, c.FixKind, c.Score)));
            return $"{what}: {reason}. Nothing was changed.{candidates}";
        }
    }

    /// <summary>
    /// Builds the review. <paramref name="readText"/> returns a file's current text (the open document's when it is open),
    /// or null when it does not exist.
    /// </summary>
    public static PatchReview Create(string groupId, string? uri, HealResult result, Func<string, string?> readText)
    {
        var changes = new List<FileChange>();
        var newFiles = new List<NewFile>();
        var files = new List<ReviewedFile>();
        string? problem = null;
        if (result.Edit is { } edit)
        {
            if (result.RegressionTest is { } test)
            {
                var testPath = LocalPath(test.Uri);
                if (readText(testPath) is null)
                {
                    newFiles.Add(new NewFile(testPath, test.Uri, test.Path, test.Text));
                    files.Add(new ReviewedFile(testPath, test.Uri, $"{test.Path} (new) ↔ Heal regression test", "", test.Text, IsNew: true));
                }
            }

            foreach (var pair in edit.Changes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var path = LocalPath(pair.Key);
                if (readText(path) is not { } original)
                {
                    problem = $"the patch edits {path}, which does not exist in this workspace";
                    break;
                }

                var change = FileChange.Create(path, pair.Key, original, pair.Value);
                changes.Add(change);
                files.Add(new ReviewedFile(path, pair.Key, $"{System.IO.Path.GetFileName(path)} ↔ Heal patch", original, change.Apply(original)!, IsNew: false));
            }
        }

        return new PatchReview(groupId, uri, result, changes, newFiles, files, problem);
    }

    /// <summary>
    /// The edit to apply, exactly as reported, or a problem when a file changed since the patch was made (then nothing is
    /// applied, and the review stays open). <paramref name="readText"/> reads the current text as <see cref="Create"/> did.
    /// </summary>
    public PatchApplication Accept(Func<string, string?> readText)
    {
        if (State != ReviewState.Pending || !HasPatch)
        {
            return new PatchApplication([], [], State == ReviewState.Pending ? NoPatchMessage : $"the review was already {State.ToString().ToLowerInvariant()}");
        }

        foreach (var change in _changes)
        {
            if (readText(change.Path) != change.OriginalText)
            {
                return new PatchApplication([], [], $"{change.Path} changed since the patch was made; heal the error again");
            }
        }

        foreach (var file in _newFiles)
        {
            if (readText(file.Path) is not null)
            {
                return new PatchApplication([], [], $"{file.Path} exists now; the regression test would overwrite it");
            }
        }

        State = ReviewState.Accepted;
        return new PatchApplication(_changes, _newFiles, null);
    }

    /// <summary>Discards the patch: nothing is written.</summary>
    public void Reject()
    {
        if (State == ReviewState.Pending)
        {
            State = ReviewState.Rejected;
        }
    }

    /// <summary>A file URI as a local path (file:///C:/src/a.cs → C:\src\a.cs on Windows).</summary>
    public static string LocalPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    private static string MarkOf(string status) => status switch
    {
        "passed" => "✔",
        "failed" => "✘",
        _ => "–",
    };
}
