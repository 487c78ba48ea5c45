using System.Globalization;
using Heal.Cli.Commands;

namespace Heal.Cli.Demo.Steps;

/// <summary>Lists the captured groups as <c>heal errors</c> does, then names the crash site inside the sample.</summary>
public sealed class ListErrorsStep : IDemoStep
{
    public string Title => "list errors";

    public Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var groups = context.Groups;
        if (groups.Count == 0)
        {
            throw new DemoStepException("there are no error groups to list.");
        }

        var lines = ErrorTable.Render(groups, DateTimeOffset.UtcNow, 120).TrimEnd('\n').Split('\n').ToList();
        foreach (var group in groups)
        {
            var frame = group.TopFrame;
            var where = frame is null
                ? "no in-app frame"
                : $"{SamplePath(context, frame.Path)}:{frame.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"} in {frame.Function}";
            lines.Add($"crash: {group.Type} at {where}");
        }

        return Task.FromResult(new DemoStepResult($"{groups.Count} group{(groups.Count == 1 ? "" : "s")}", lines));
    }

    /// <summary>The frame's path relative to the sample's root when it lies inside it (the workspace is deleted afterwards).</summary>
    private static string SamplePath(DemoContext context, string? path)
    {
        if (path is null)
        {
            return "?";
        }

        var relative = Path.GetRelativePath(context.SampleRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
