using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Heal.Cli.Demo;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal demo [--keep]</c>: the loop on a bundled sample with nothing configured. In a temporary workspace it copies the
/// sample, starts the feed, builds and runs the sample so the real Sentry .NET SDK reports its crash, checks the event is
/// stored and lists the errors, printing each step with its time. Then it stops the feed and deletes the workspace
/// (kept with <c>--keep</c>), leaving nothing running, even when a step fails or the user presses Ctrl+C.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary workspace (the sample repository, its origin and the store) instead of deleting it." };
        var command = new Command("demo", "Run the whole loop on a bundled sample app with a planted bug: nothing to configure, nothing left behind.") { keep };
        return command.WithAction((context, cancellationToken) => RunAsync(context.Get(keep), context.Out, cancellationToken));
    }

    private static async Task<int> RunAsync(bool keep, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var total = Stopwatch.StartNew();
        var context = new DemoContext(Directory.CreateTempSubdirectory("heal-demo-").FullName, Path.Combine(AppContext.BaseDirectory, "Demo", "Sample"));
        await stdout.WriteLineAsync("heal demo: a real crash, captured from a bundled .NET sample by the real Sentry SDK");
        await stdout.WriteLineAsync($"workspace {context.Workspace}");
        await stdout.WriteLineAsync();

        var failed = false;
        try
        {
            foreach (var step in DemoSteps.All)
            {
                if (!await RunStepAsync(step, context, stdout, stop.Token))
                {
                    failed = true;
                    break;
                }
            }
        }
        finally
        {
            await CleanUpAsync(context, keep, stdout);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(failed
            ? $"heal demo: failed after {Duration(total.Elapsed)}."
            : $"heal demo: done in {Duration(total.Elapsed)}.");
        await stdout.FlushAsync(CancellationToken.None);
        return failed ? ExitCodes.Internal : ExitCodes.Ok;
    }

    private static async Task<bool> RunStepAsync(IDemoStep step, DemoContext context, TextWriter stdout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await step.RunAsync(context, cancellationToken);
            await WriteStepAsync(stdout, true, step.Title, watch.Elapsed, result.Summary);
            foreach (var line in result.Details)
            {
                await stdout.WriteLineAsync("      " + line);
            }

            return true;
        }
        catch (Exception e) when (e is DemoStepException or StoreException or IOException or TimeoutException or UnauthorizedAccessException
            or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? "cancelled" : e.Message;
            await WriteStepAsync(stdout, false, step.Title, watch.Elapsed, reason);
            return false;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None);
        }
    }

    private static async Task CleanUpAsync(DemoContext context, bool keep, TextWriter stdout)
    {
        var watch = Stopwatch.StartNew();
        if (context.Feed is { } feed)
        {
            await feed.StopAsync();
        }

        if (context.Store is { } store)
        {
            await store.DisposeAsync();
        }

        string summary;
        if (keep)
        {
            summary = $"stopped the feed; kept {context.Workspace}";
        }
        else
        {
            try
            {
                Directory.Delete(context.Workspace, recursive: true);
                summary = $"stopped the feed; deleted {context.Workspace}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                summary = $"stopped the feed; could not delete {context.Workspace}: {e.Message}";
            }
        }

        await WriteStepAsync(stdout, true, "clean up", watch.Elapsed, summary);
    }

    private static Task WriteStepAsync(TextWriter stdout, bool ok, string title, TimeSpan elapsed, string summary) =>
        stdout.WriteLineAsync($"  {(ok ? "ok  " : "FAIL")}  {title,-13} {Duration(elapsed),8}  {summary}");

    private static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 1
        ? $"{elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
