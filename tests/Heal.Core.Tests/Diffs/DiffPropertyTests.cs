using System.Text;
using Heal.Core.Diffs;

namespace Heal.Core.Tests.Diffs;

/// <summary>Seeded random edits: every diff must round-trip, also after the file shifted by unrelated lines.</summary>
public sealed class DiffPropertyTests
{
    // A small line vocabulary makes repeated lines common, which is where diff and offset search go wrong.
    private static readonly string[] Vocabulary = ["{", "}", "", "return x;", "x++;", "if (a)", "// note", "var y = 1;", "\tindented", "a\r"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CreateParseApply_RandomEdits_ReproduceNewText(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 700; iteration++)
        {
            var oldLines = RandomLines(random, random.Next(0, 40));
            var newLines = Edit(random, oldLines);
            var oldText = Text(oldLines, random.Next(4) > 0);
            var newText = Text(newLines, random.Next(4) > 0);
            var context = random.Next(0, 5);
            DiffCheck.RoundTrips(oldText, newText, context);
        }
    }

    [Fact]
    public void ApplyTo_RandomEditsAfterLinesWerePrepended_StillApplies()
    {
        var random = new Random(42);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var oldLines = RandomLines(random, random.Next(1, 40));
            var newLines = Edit(random, oldLines);
            var oldText = Text(oldLines, true);
            var newText = Text(newLines, true);
            var diff = UnifiedDiff.Create("p.txt", oldText, newText, context: 3);
            if (diff.Length == 0)
            {
                continue;
            }

            // Unique lines so the shifted position is the only match and the expectation is exact.
            var prefix = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(i => $"prepended {i}\n"));
            var applied = Patch.ApplyTo(prefix + oldText, Patch.Parse(diff).Value!.Files[0]);
            Assert.True(applied.Succeeded, string.Join("\n", applied.Problems) + "\n" + diff);
            Assert.Equal(prefix + newText, applied.Value);
        }
    }

    private static List<string> RandomLines(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? $"unique {random.Next(1000)}" : Vocabulary[random.Next(Vocabulary.Length)]).ToList();

    private static List<string> Edit(Random random, List<string> lines)
    {
        var result = new List<string>(lines);
        var edits = random.Next(0, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(0, result.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    result.InsertRange(at, RandomLines(random, random.Next(1, 4)));
                    break;
                case 1 when result.Count > 0:
                    result.RemoveRange(Math.Min(at, result.Count - 1), Math.Min(random.Next(1, 4), result.Count - Math.Min(at, result.Count - 1)));
                    break;
                default:
                    if (at < result.Count)
                    {
                        result[at] = $"changed {random.Next(1000)}";
                    }

                    break;
            }
        }

        return result;
    }

    private static string Text(List<string> lines, bool finalNewline)
    {
        var text = new StringBuilder(string.Join("\n", lines));
        if (finalNewline && lines.Count > 0)
        {
            text.Append('\n');
        }

        return text.ToString();
    }
}
