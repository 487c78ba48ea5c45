using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Other dictionaries of the type fall back to a default named after what they hold; this one follows suit.</summary>
public sealed class KeyNotFoundConventionTests
{
    private const string Knf = "System.Collections.Generic.KeyNotFoundException";
    private const string Message = "The given key 'xl' was not present in the dictionary.";
    private static readonly KeyNotFoundRule Rule = new();

    [Fact]
    public void Apply_SiblingDictionaryFallsBackToNamedDefault_UsesDefaultNamedAfterThisDictionary()
    {
        RuleCheck.Fixes(Rule, Sizes("""
                public int WeightFor(string size) =>
                    _weightsBySize[size]; // <- throws
            """), Knf, Message, Sizes("""
                public int WeightFor(string size) =>
                    _weightsBySize.GetValueOrDefault(size, StandardWeight);
            """).Replace(" // <- throws", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_NoDefaultNamedAfterThisDictionary_Declines()
    {
        RuleCheck.Declines(Rule, Sizes("""
                public int HeightFor(string size) =>
                    _heightsBySize[size]; // <- throws
            """), Knf, Message, "");
    }

    [Fact]
    public void Apply_SiblingFallbackIsNotNamedAfterItsDictionary_Declines()
    {
        RuleCheck.Declines(Rule, Sizes("""
                public string ShelfFor(string size) =>
                    _shelvesBySize.TryGetValue(size, out var shelf) ? shelf : StandardBin;

                public int WeightFor(string size) =>
                    _weightsBySize[size]; // <- throws
            """), Knf, Message, "");
    }

    private static string Sizes(string members) => $$"""
        //- src/Stock/SizeTable.cs
        using System.Collections.Generic;

        namespace Stock;

        public sealed class SizeTable
        {
            public const string StandardBin = "B1";
            public const string StandardLabel = "M";
            public const int StandardWeight = 100;

            private readonly Dictionary<string, string> _labelsBySize = new();
            private readonly Dictionary<string, string> _shelvesBySize = new();
            private readonly Dictionary<string, int> _weightsBySize = new();
            private readonly Dictionary<string, int> _heightsBySize = new();

            public string LabelFor(string size) =>
                _labelsBySize.TryGetValue(size, out var label) ? label : StandardLabel;

        {{members.TrimEnd()}}
        }
        """;
}
