using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Repair;
using Heal.Repair.Engine;
using Heal.Repair.Workspace;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal diagnose --repo DIR --event FILE [--offline] [--json]</c>: diagnoses one Sentry event against a
/// repository and prints the root cause, evidence, patch and confidence, or why no patch is proposed.
/// Exit codes (<see cref="ExitCodes"/>): 0 diagnosed, 3 declined, 2 usage (arguments, unreadable or unparsable event), 1 internal error.
/// </summary>
public static class DiagnoseCommand
{
    public static Command Create()
    {
        var repo = new Option<string>("--repo") { Description = "The repository (a folder) the event's frames point into.", Required = true, HelpName = "DIR" };
        var eventFile = new Option<string>("--event") { Description = "A Sentry event as JSON (what an SDK sends, or an event exported from Sentry).", Required = true, HelpName = "FILE" };
        var offline = new Option<bool>("--offline") { Description = "Use only the deterministic rules, even when an LLM is configured (HEAL_LLM_*)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (status, rootCause, patch, evidence, confidence, ...)." };
        var command = new Command("diagnose", "Find the root cause of one event and propose a patch, or decline; changes nothing.") { repo, eventFile, offline, json };
        return command.WithAction((context, cancellationToken) =>
            RunAsync(context.Get(repo)!, context.Get(eventFile)!, context.Get(offline), context, cancellationToken), json);
    }

    private static async Task<int> RunAsync(string repository, string eventPath, bool offline, CommandContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository))
        {
            throw new UsageException($"--repo '{repository}' is not a directory.", "repo-not-found");
        }

        var errorEvent = await EventFile.ReadAsync(eventPath, cancellationToken);
        var root = Path.GetFullPath(repository);
        var total = Stopwatch.StartNew();
        var host = CliHost.Create(offline: offline);
        var workspaces = host.Workspaces;
        var choice = host.Diagnoser;

        // The workspace is loaded here, not inside the diagnoser, so the two costs are reported apart.
        double loadMs;
        try
        {
            var load = Stopwatch.StartNew();
            await workspaces.GetAsync(root, cancellationToken);
            loadMs = load.Elapsed.TotalMilliseconds;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CliException("repository-unreadable", $"the repository could not be loaded: {e.Message}");
        }

        Diagnosis diagnosis;
        var diagnose = Stopwatch.StartNew();
        try
        {
            diagnosis = await choice.Diagnoser.DiagnoseAsync(new RepairRequest(errorEvent, root), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CliException("diagnoser-failed", $"the {choice.Diagnoser.Name} diagnoser failed: {e.Message}");
        }

        var timings = new Timings(loadMs, diagnose.Elapsed.TotalMilliseconds, total.Elapsed.TotalMilliseconds);
        if (context.Json)
        {
            await WriteJsonAsync(diagnosis, choice, timings, context.Out);
        }
        else
        {
            await WriteTextAsync(diagnosis, choice, timings, context.Out);
        }

        return diagnosis.Status == DiagnosisStatus.Diagnosed ? ExitCodes.Ok : ExitCodes.Declined;
    }

    private static async Task WriteTextAsync(Diagnosis diagnosis, DiagnoserChoice choice, Timings timings, TextWriter stdout)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        if (diagnosis.Status == DiagnosisStatus.Diagnosed)
        {
            output.WriteLine($"Diagnosed by {diagnosis.Diagnoser} ({choice.Why}).");
            output.WriteLine();
            output.WriteLine("Root cause:");
            output.WriteLine($"  {diagnosis.RootCause}");
        }
        else
        {
            output.WriteLine($"Declined by {diagnosis.Diagnoser} ({choice.Why}): {diagnosis.DeclineReason}");
            if (!string.IsNullOrWhiteSpace(diagnosis.RootCause))
            {
                output.WriteLine();
                output.WriteLine("What is known:");
                output.WriteLine($"  {diagnosis.RootCause}");
            }
        }

        if (!diagnosis.Intent.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("What the code says should happen:");
            foreach (var intent in diagnosis.Intent)
            {
                output.WriteLine($"  {intent.Path}:{intent.Line} ({intent.Kind}{(intent.Outcome is null ? "" : ": " + intent.Outcome)}): {intent.Text}");
            }
        }

        if (!diagnosis.Evidence.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Evidence:");
            foreach (var evidence in diagnosis.Evidence)
            {
                output.WriteLine($"  {evidence.Path}:{evidence.Line} ({evidence.Role}): {evidence.Source}");
            }
        }

        if (!diagnosis.Candidates.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Candidates (none clearly dominates):");
            foreach (var candidate in diagnosis.Candidates)
            {
                output.WriteLine(FormattableString.Invariant($"  {candidate.Score:0.00} {candidate.FixKind}: {candidate.Summary}"));
                foreach (var intent in candidate.Evidence)
                {
                    output.WriteLine($"       {intent.Path}:{intent.Line} ({intent.Kind}{(intent.Outcome is null ? "" : ": " + intent.Outcome)}): {intent.Text}");
                }
            }
        }

        if (diagnosis.Patch is not null)
        {
            output.WriteLine();
            output.WriteLine($"Patch ({diagnosis.FixKind}; {string.Join(", ", diagnosis.Files)}):");
            output.Write(diagnosis.Patch.EndsWith('\n') ? diagnosis.Patch : diagnosis.Patch + "\n");
            output.WriteLine();
            output.WriteLine(FormattableString.Invariant($"Confidence: {diagnosis.Confidence:0.00}"));
            foreach (var reason in diagnosis.Reasons)
            {
                output.WriteLine($"  {reason}");
            }
        }

        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Timings: load {timings.LoadMs:0} ms, diagnose {timings.DiagnoseMs:0} ms, total {timings.TotalMs:0} ms."));
        await stdout.WriteAsync(output.ToString());
    }

    private static async Task WriteJsonAsync(Diagnosis diagnosis, DiagnoserChoice choice, Timings timings, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("status", diagnosis.Status == DiagnosisStatus.Diagnosed ? "diagnosed" : "declined");
            writer.WriteString("rootCause", diagnosis.RootCause);
            writer.WriteString("patch", diagnosis.Patch);
            writer.WriteString("regressionTest", diagnosis.RegressionTest);
            writer.WriteStartArray("files");
            foreach (var file in diagnosis.Files)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            writer.WriteNumber("confidence", Math.Round(diagnosis.Confidence, 4));
            writer.WriteStartArray("reasons");
            foreach (var reason in diagnosis.Reasons)
            {
                writer.WriteStringValue(reason.ToString());
            }

            writer.WriteEndArray();
            writer.WriteString("fixKind", diagnosis.FixKind);
            writer.WriteString("diagnoser", diagnosis.Diagnoser);
            writer.WriteString("declineReason", diagnosis.DeclineReason);
            writer.WriteString("diagnoserChoice", choice.Why);
            writer.WritePropertyName("evidence");
            JsonSerializer.Serialize(writer, DiagnosisJson.Evidence(diagnosis));
            writer.WritePropertyName("candidates");
            JsonSerializer.Serialize(writer, DiagnosisJson.Candidates(diagnosis));
            writer.WriteStartObject("timings");
            writer.WriteNumber("loadMs", Math.Round(timings.LoadMs, 1));
            writer.WriteNumber("diagnoseMs", Math.Round(timings.DiagnoseMs, 1));
            writer.WriteNumber("totalMs", Math.Round(timings.TotalMs, 1));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private sealed record Timings(double LoadMs, double DiagnoseMs, double TotalMs);
}
