namespace Heal.Cli.Demo.Steps;

/// <summary>Builds the sample service (Debug, so its portable PDB gives Sentry file names and line numbers).</summary>
public sealed class BuildSampleStep : IDemoStep
{
    private const string Project = "src/OrderService/OrderService.csproj";

    public string Title => "build sample";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        string[] arguments = ["build", Project, "-c", "Debug", "-nologo", "-v", "q", "-clp:NoSummary", .. DotnetHost.BuildSwitches];
        var result = await ChildProcess.RunAsync(DotnetHost.Path, arguments, context.SampleRoot, DotnetHost.BuildEnvironment,
            TimeSpan.FromMinutes(5), cancellationToken);
        if (result.ExitCode != 0)
        {
            var output = (result.Stdout + result.Stderr).Trim();
            throw new DemoStepException($"dotnet build {Project} failed (exit code {result.ExitCode}):\n{output}");
        }

        context.SampleAssembly = Path.Combine(context.SampleRoot, "src", "OrderService", "bin", "Debug", "net10.0", "OrderService.dll");
        if (!File.Exists(context.SampleAssembly) || !File.Exists(Path.ChangeExtension(context.SampleAssembly, ".pdb")))
        {
            throw new DemoStepException($"the build succeeded but {context.SampleAssembly} or its PDB is missing.");
        }

        return DemoStepResult.Line($"dotnet build {Project}, with the Sentry .NET SDK 6.12.1");
    }
}
