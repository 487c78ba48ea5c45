using System.Globalization;
using Heal.Core.Model;
using Heal.Delivery;
using Heal.Pipeline;
using Heal.Pipeline.Hosting;
using Heal.Validation;

namespace Heal.Cli.Demo.Steps;

/// <summary>
/// Runs the whole loop on the captured crash, exactly as <c>heal fix --store … --group … --offline --push origin</c> does:
/// diagnose with the offline rules, validate in a worktree (build and tests), commit on a <c>heal/…</c> branch, push it to
/// the bare origin, and write the pull-request body it would open. Build servers are off so nothing is left running.
/// </summary>
public sealed class HealStep : IDemoStep
{
    public string Title => "heal";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var store = context.RequireStore();
        var group = context.Groups.FirstOrDefault() ?? throw new DemoStepException("there is no error group to heal.");
        var errorEvent = await store.GetLatestEventAsync(group.Id, cancellationToken)
            ?? throw new DemoStepException($"group {group.Id} holds no event.");

        // The demo reads no configuration: rules only, no tokens, whatever this machine's environment holds.
        var pipeline = new HealHost(new HealOptions { Folder = context.SampleRoot, Store = context.StorePath, Offline = true, Environment = _ => null }).CreatePipeline();
        var request = new HealRequest(
            context.SampleRoot,
            errorEvent,
            group,
            new EventOrigin("demo feed on 127.0.0.1 (no key)", Authenticated: false),
            ValidationPolicy.Default with { UseBuildServers = false, WorkRoot = context.HealWorkRoot },
            new DeliveryOptions(PushRemote: "origin", BodyFile: context.PullRequestBodyPath, WorkRoot: context.HealWorkRoot));
        var result = await pipeline.RunAsync(request, null, cancellationToken);
        context.HealedEvent = errorEvent;
        context.Result = result;

        var lines = new List<string>();
        var diagnosis = result.Diagnosis;
        if (diagnosis is not null)
        {
            lines.Add($"diagnose   {Seconds(result, "diagnose")}  {diagnosis.Diagnoser}: {(diagnosis.Status == DiagnosisStatus.Diagnosed ? diagnosis.RootCause : "declined: " + diagnosis.DeclineReason)}");
        }

        if (diagnosis?.Patch is { } patch)
        {
            lines.AddRange(patch.TrimEnd('\n').Split('\n').Select(l => "           " + l));
        }

        if (result.Validation is { } report)
        {
            lines.Add($"validate   {Seconds(result, "validate")}  in a git worktree at {report.BaseCommit[..Math.Min(12, report.BaseCommit.Length)]}, confidence {report.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
            foreach (var gate in report.Gates)
            {
                var mark = gate.Status switch { GateStatus.Passed => "pass", GateStatus.Failed => "FAIL", _ => "skip" };
                lines.Add($"           {mark}  {gate.Name,-13} {gate.Detail}");
            }
        }

        if (result.Delivery is { } delivery)
        {
            lines.Add($"deliver    {Seconds(result, "deliver")}  branch {delivery.Branch} pushed to origin; pull-request body in {delivery.BodyFile}");
        }

        if (result.Status != HealStatus.Validated)
        {
            throw new DemoStepException($"{FixReportStatus(result)}: {result.Message}\n" + string.Join('\n', lines));
        }

        return new DemoStepResult($"validated: {diagnosis!.FixKind} in {string.Join(", ", diagnosis.Files)}", lines);
    }

    private static string FixReportStatus(HealResult result) => result.Status.ToString().ToLowerInvariant();

    private static string Seconds(HealResult result, string step) =>
        result.Timings.TryGetValue(step, out var seconds) ? $"{seconds.ToString("0.0", CultureInfo.InvariantCulture),5} s" : "    – ";
}
