using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A narrow running total in checked arithmetic, handed on as a long: accumulate in long.</summary>
public sealed class AccumulatorOverflowTests
{
    private const string Overflow = "System.OverflowException";
    private const string Message = "Arithmetic operation resulted in an overflow.";
    private static readonly OverflowRule Rule = new();

    [Fact]
    public void Apply_IntTotalReturnedAsLong_AccumulatesAndMultipliesAsLong()
    {
        var result = RuleCheck.Fixes(Rule, Meter("long", "int sum = 0; // <- throws", "sum += reading.Pulses * reading.Factor;"), Overflow, Message,
            Meter("long", "long sum = 0;", "sum += (long)reading.Pulses * reading.Factor;"));
        Assert.Contains(result.Reasons, r => r.Delta < 0);
    }

    [Fact]
    public void Apply_TotalReturnedAsInt_Declines()
    {
        RuleCheck.Declines(Rule, Meter("int", "int sum = 0; // <- throws", "sum += reading.Pulses * reading.Factor;"), Overflow, Message, "");
    }

    private static string Meter(string returns, string declaration, string update) => $$"""
        //- src/Power/Meter.cs
        using System.Collections.Generic;

        namespace Power;

        public static class Meter
        {
            public static {{returns}} Energy(IEnumerable<Reading> readings)
            {
                checked
                {
                    {{declaration}}
                    foreach (var reading in readings)
                        {{update}}
                    return sum;
                }
            }
        }

        public sealed class Reading
        {
            public int Pulses { get; init; }
            public int Factor { get; init; }
        }
        """;
}
