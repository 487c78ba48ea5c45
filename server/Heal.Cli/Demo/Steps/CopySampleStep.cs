namespace Heal.Cli.Demo.Steps;

/// <summary>Copies the bundled sample solution into the demo's workspace, leaving out build output.</summary>
public sealed class CopySampleStep : IDemoStep
{
    public string Title => "copy sample";

    public Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(context.BundledSample, "Sample.sln")))
        {
            throw new DemoStepException($"the bundled sample is missing: no Sample.sln in {context.BundledSample}. Rebuild heal.");
        }

        var files = 0;
        foreach (var source in Directory.EnumerateFiles(context.BundledSample, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(context.BundledSample, source);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            var target = Path.Combine(context.SampleRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            files++;
        }

        return Task.FromResult(DemoStepResult.Line($"{files} files of OrderService (a small order-pricing service) to {context.SampleRoot}"));
    }
}
