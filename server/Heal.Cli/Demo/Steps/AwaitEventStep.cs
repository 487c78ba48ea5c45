using System.Diagnostics;

namespace Heal.Cli.Demo.Steps;

/// <summary>
/// Checks that the crash is durable in the store. The SDK flushes before the sample exits and the feed acknowledges only
/// after its commit, so the event is normally there at once; the short poll covers an SDK that gave up flushing.
/// </summary>
public sealed class AwaitEventStep : IDemoStep
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    public string Title => "event stored";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var store = context.RequireStore();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var groups = await store.ListGroupsAsync(50, cancellationToken);
            if (groups.Count > 0)
            {
                context.Groups = groups;
                var events = groups.Sum(g => g.Count);
                return DemoStepResult.Line($"{events} event{(events == 1 ? "" : "s")} in {groups.Count} group{(groups.Count == 1 ? "" : "s")}, committed to {context.StorePath}");
            }

            if (waited.Elapsed > s_limit)
            {
                throw new DemoStepException($"no event reached the feed within {s_limit.TotalSeconds:0} s of the sample's exit.");
            }

            await Task.Delay(s_poll, cancellationToken);
        }
    }
}
