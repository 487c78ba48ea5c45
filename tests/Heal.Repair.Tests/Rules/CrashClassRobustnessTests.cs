using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>The key, index, sequence, arithmetic, parse, cast, collection and disposal rules answer on odd or broken code, never throw.</summary>
public sealed class CrashClassRobustnessTests
{
    private static readonly (string Type, string Message)[] Crashes =
    [
        ("System.Collections.Generic.KeyNotFoundException", "The given key 'k' was not present in the dictionary."),
        ("System.IndexOutOfRangeException", "Index was outside the bounds of the array."),
        ("System.ArgumentOutOfRangeException", "Index was out of range. (Parameter 'index')"),
        ("System.InvalidOperationException", "Sequence contains no elements"),
        ("System.InvalidOperationException", "Sequence contains no matching element"),
        ("System.DivideByZeroException", "Attempted to divide by zero."),
        ("System.FormatException", "The input string 'x' was not in a correct format."),
        ("System.InvalidCastException", "Unable to cast object of type 'A' to type 'B'."),
        ("System.OverflowException", "Arithmetic operation resulted in an overflow."),
        ("System.InvalidOperationException", "Collection was modified; enumeration operation may not execute."),
        ("System.ObjectDisposedException", "Cannot access a disposed object.\nObject name: 'X'."),
    ];

    private static readonly string[] Fixtures =
    [
        """
        //- src/Broken.cs
        public class Broken
        {
            public int Run(Missing m, int[] a)
            {
                foreach (var x in m.Items) { m.Items.Remove(x); return a[a.Length] / m.Count + int.Parse(m[0]) + (int)(Thing)m.First(; // <- throws
            }
        }
        """,
        """
        //- src/Field.cs
        using System.Collections.Generic;
        public class Field
        {
            private static readonly Dictionary<string, int> Map = new();
            private readonly int _value = Map["k"] / Map.Count; // <- throws
        }
        """,
        """
        //- src/Blank.cs
        public class Blank
        {
            public void Run()
            {

        // <- throws
            }
        }
        """,
        """
        //- src/Lambda.cs
        using System;
        using System.Linq;
        public class Lambda
        {
            public Func<int[], int> Pick = items => items.Where(i => i > 0).First() / items[0] + checked((int)items.Max()); // <- throws
        }
        """,
    ];

    public static TheoryData<int, int> Cases()
    {
        var data = new TheoryData<int, int>();
        for (var crash = 0; crash < Crashes.Length; crash++)
        {
            for (var fixture = 0; fixture < Fixtures.Length; fixture++)
            {
                data.Add(crash, fixture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_OddOrBrokenCode_AnswersWithoutThrowing(int crash, int fixture)
    {
        var site = RuleFixture.Build(Fixtures[fixture], Crashes[crash].Type, Crashes[crash].Message);
        var matched = RuleSet.Default.Where(r => r.Matches(site)).ToList();
        Assert.NotEmpty(matched);
        foreach (var rule in matched)
        {
            var result = rule.Apply(site, CancellationToken.None);
            Assert.True(result is null || result.IsDecline || result.Edits.Length > 0, $"{rule.Id} returned a fix without edits");
        }
    }

    [Fact]
    public void Default_ListsEachCrashClassRule()
    {
        var ids = RuleSet.Default.Select(r => r.Id).ToList();
        foreach (var id in new[] { "key-not-found", "index-range", "empty-sequence", "divide-by-zero", "format", "invalid-cast", "overflow", "collection-modified", "object-disposed" })
        {
            Assert.Contains(id, ids);
        }
    }
}
