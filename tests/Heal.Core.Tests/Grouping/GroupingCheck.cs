using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Core.Tests.Parsing;

namespace Heal.Core.Tests.Grouping;

/// <summary>
/// The one check helper for grouping: a real SDK fixture, and the same payload with a few fields edited the way a
/// second occurrence would differ. Edits are <c>path=json</c>, e.g. <c>exception.values[0].stacktrace.frames[2].lineno=44</c>;
/// a path ending in <c>[*]</c> edits every element.
/// </summary>
internal static partial class GroupingCheck
{
    public static void SameGroup(string fixtureOrJson, params string[] edits)
    {
        var (before, after) = Pair(fixtureOrJson, edits);
        Assert.True(before.Hash == after.Hash, $"expected one group, got two bases:\n{before.Basis}\n---\n{after.Basis}");
    }

    public static void DifferentGroups(string fixtureOrJson, params string[] edits)
    {
        var (before, after) = Pair(fixtureOrJson, edits);
        Assert.True(before.Hash != after.Hash, $"expected two groups, both have the basis:\n{before.Basis}");
    }

    public static Fingerprint Compute(string fixtureOrJson) => Fingerprint.Compute(SentryJsonCheck.Parses(Load(fixtureOrJson)));

    private static (Fingerprint Before, Fingerprint After) Pair(string fixtureOrJson, string[] edits)
    {
        var json = Load(fixtureOrJson);
        var node = JsonNode.Parse(json)!;
        foreach (var edit in edits)
        {
            var equals = edit.IndexOf('=');
            Apply(node, edit[..equals], JsonNode.Parse(edit[(equals + 1)..]));
        }

        var before = Fingerprint.Compute(ErrorEvent.FromSentryJson(json).Value!);
        var after = Fingerprint.Compute(ErrorEvent.FromSentryJson(node.ToJsonString()).Value!);
        return (before, after);
    }

    private static string Load(string fixtureOrJson) =>
        fixtureOrJson.EndsWith(".json", StringComparison.Ordinal) ? SentryJsonCheck.Fixture(fixtureOrJson) : fixtureOrJson;

    private static void Apply(JsonNode node, string path, JsonNode? value)
    {
        var steps = Step().Matches(path).Select(m => m.Value).ToList();
        Walk(node, steps, 0, value);
    }

    private static void Walk(JsonNode node, List<string> steps, int index, JsonNode? value)
    {
        var step = steps[index];
        var last = index == steps.Count - 1;
        if (step == "[*]")
        {
            var array = node.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                if (last)
                {
                    array[i] = value?.DeepClone();
                }
                else
                {
                    Walk(array[i]!, steps, index + 1, value);
                }
            }
        }
        else if (step.StartsWith('['))
        {
            var i = int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (last)
            {
                node.AsArray()[i] = value?.DeepClone();
            }
            else
            {
                Walk(node.AsArray()[i]!, steps, index + 1, value);
            }
        }
        else
        {
            var name = step.TrimStart('.');
            if (last)
            {
                node.AsObject()[name] = value?.DeepClone();
            }
            else
            {
                Walk(node.AsObject()[name]!, steps, index + 1, value);
            }
        }
    }

    [GeneratedRegex(@"\[\*\]|\[\d+\]|\.?[^.\[]+")]
    private static partial Regex Step();
}
