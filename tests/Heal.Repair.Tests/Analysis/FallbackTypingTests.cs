using Heal.Repair.Analysis;
using Heal.Repair.Tests.Rules;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Analysis;

/// <summary>
/// A substituted value must be of the replaced expression's type where it stands: a fallback of another value (the
/// <c>0</c> a sibling writes for a count) is dropped for a list, a string, a nullable value of another type or an enum.
/// </summary>
public sealed class FallbackTypingTests
{
    private const string Fixture = """
        //- src/Kennel/Board.cs
        using System.Collections.Generic;

        namespace Kennel;

        public enum Kind { Unknown, Dog, Cat }

        public sealed class Pen
        {
            public List<string>? Tags { get; set; }
            public string? Label { get; set; }
            public int? Capacity { get; set; }
            public Kind? Kind { get; set; }
            public static readonly List<string> NoTags = new();
        }

        public static class Board
        {
            public static void Show(Pen pen)
            {
                var all = new object[] { Use(pen.Tags), pen.Label, pen.Capacity, pen.Kind }; // <- throws
            }

            private static int Use(List<string>? tags) => tags?.Count ?? 0;
        }
        """;

    [Theory]
    [InlineData("pen.Tags", "pen.Tags ?? 0", false)]
    [InlineData("pen.Tags", "pen.Tags ?? \"\"", false)]
    [InlineData("pen.Tags", "pen.Tags ?? []", true)]
    [InlineData("pen.Tags", "pen.Tags ?? Pen.NoTags", true)]
    [InlineData("pen.Tags", "pen.Tags ?? new List<string>()", true)]
    [InlineData("pen.Label", "pen.Label ?? 0", false)]
    [InlineData("pen.Label", "pen.Label ?? string.Empty", true)]
    [InlineData("pen.Capacity", "pen.Capacity ?? 0", true)]
    [InlineData("pen.Capacity", "pen.Capacity ?? \"none\"", false)]
    [InlineData("pen.Kind", "pen.Kind ?? 0", false)]
    [InlineData("pen.Kind", "pen.Kind ?? Kind.Unknown", true)]
    [InlineData("pen.Kind", "pen.Kind ?? Undeclared", false)]
    public void Fits_FallbackForTheValue_OnlyWhenWellTyped(string original, string replacement, bool expected)
    {
        var site = RuleFixture.Build(Fixture, "System.NullReferenceException", "");
        var source = site.Throwing;
        var node = source.Root.DescendantNodes(source.LineSpan).OfType<ExpressionSyntax>().First(e => e.ToString() == original);

        Assert.Equal(expected, FallbackTyping.Fits(node, replacement, source.SemanticModel));
    }
}
