using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Off-by-one loop bounds found in the frame's method when the reported line precedes the loop.</summary>
public sealed class LoopBoundTests
{
    private const string Ioor = "System.IndexOutOfRangeException";
    private const string Message = "Index was outside the bounds of the array.";
    private static readonly IndexRangeRule Rule = new();

    [Fact]
    public void Apply_ReportedLineBeforePairwiseLoopFromOne_TightensTheBound()
    {
        var result = RuleCheck.Fixes(Rule, Readings("for (var k = 1; k <= samples.Length; k++)", "deltas.Add(samples[k] - samples[k - 1]);"), Ioor, Message,
            Readings("for (var k = 1; k < samples.Length; k++)", "deltas.Add(samples[k] - samples[k - 1]);").Replace(" // <- throws", "", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Delta < 0);
    }

    [Fact]
    public void Apply_LoopFromOneReadingOnlyTheCounter_Declines()
    {
        RuleCheck.Declines(Rule, Readings("for (var k = 1; k <= samples.Length; k++)", "deltas.Add(samples[k]);"), Ioor, Message, "");
    }

    private static string Readings(string loop, string body) => $$"""
        //- src/Meters/Readings.cs
        using System.Collections.Generic;

        namespace Meters;

        public static class Readings
        {
            public static List<double> Deltas(double[] samples)
            {
                var deltas = new List<double>(); // <- throws
                {{loop}}
                    {{body}}
                return deltas;
            }
        }
        """;
}
