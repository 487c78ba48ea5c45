using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Rules reason over whatever the workspace holds: broken code, braces, blank lines. They answer, never throw.</summary>
public sealed class RuleRobustnessTests
{
    public static TheoryData<string, string, string> Sites() => new()
    {
        { "System.NullReferenceException", "Object reference not set to an instance of an object.", """
            //- src/Broken.cs
            public class Broken
            {
                public int Run(Missing m)
                {
                    return m.Value.Length + Unknown(; // <- throws
                }
            }
            """ },
        { "System.ArgumentNullException", "Value cannot be null. (Parameter 'source')", """
            //- src/Brace.cs
            using System.Linq;
            public class Brace
            {
                public int Count(int[] items)
                {
                    return items.Count();
                } // <- throws
            }
            """ },
        { "System.InvalidOperationException", "A second operation was started on this context.", """
            //- src/Blank.cs
            public class Blank
            {
                public async void Run()
                {

            // <- throws
                }
            }
            """ },
        { "System.NullReferenceException", "Object reference not set to an instance of an object.", """
            //- src/Field.cs
            public class Field
            {
                private string _name;
                public int Length => _name.Length; // <- throws
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Apply_OddOrBrokenCode_AnswersWithoutThrowing(string type, string message, string fixture)
    {
        var site = RuleFixture.Build(fixture, type, message);
        foreach (var rule in RuleSet.Default.Where(r => r.Matches(site)))
        {
            var result = rule.Apply(site, CancellationToken.None);
            Assert.True(result is null || result.IsDecline || result.Edits.Length > 0, $"{rule.Id} returned a fix without edits");
        }
    }

    [Fact]
    public void Default_ListsEveryRuleOnce()
    {
        var ids = RuleSet.Default.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("null-reference", ids);
        Assert.Contains("argument-null", ids);
        Assert.Contains("missing-await", ids);
        Assert.Contains("async-void", ids);
    }
}
