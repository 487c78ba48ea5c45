using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Siblings fall back by a naming convention (<c>?.Colour ?? FallbackColour</c>); the same convention names this member's fallback.</summary>
public sealed class NamedFallbackTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";
    private static readonly NullReferenceRule Rule = new();

    [Fact]
    public void Apply_SiblingsFallBackToPrefixedConstants_UsesConstantNamedLikeMember()
    {
        var result = RuleCheck.Fixes(Rule, Theme("""
                public static string FontFor(Page page) => page.Style!.FontFamily; // <- throws
            """), Nre, Message, Theme("""
                public static string FontFor(Page page) => page.Style?.FontFamily ?? FallbackFont;
            """));
        Assert.Contains(result.Reasons, r => r.Delta < 0 && r.Reason.Contains("naming convention", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_NoSymbolFollowsTheConvention_Declines()
    {
        RuleCheck.Declines(Rule, Theme("""
                public static string BorderFor(Page page) => page.Style!.Border; // <- throws
            """), Nre, Message, "");
    }

    [Fact]
    public void Apply_SiblingsUseDifferentPrefixes_Declines()
    {
        RuleCheck.Declines(Rule, Theme("""
                public static string MarginFor(Page page) => page.Style?.Margin ?? BaseMargin;

                public static string FontFor(Page page) => page.Style!.FontFamily; // <- throws
            """), Nre, Message, "");
    }

    private static string Theme(string members) => $$"""
        //- src/Site/Themes.cs
        namespace Site;

        public static class Themes
        {
            public const string FallbackColour = "#000";
            public const string FallbackFont = "serif";
            public const string FallbackMargin = "1em";
            public const string BaseMargin = "0";

            public static string ColourFor(Page page) =>
                page.Style?.Colour ?? FallbackColour;

            public static string MarginLeftFor(Page page) =>
                page.Style?.MarginLeft ?? FallbackMargin;

        {{members.TrimEnd()}}
        }

        public sealed class Page
        {
            public Style? Style { get; init; }
        }

        public sealed class Style
        {
            public string Colour { get; init; } = "";
            public string MarginLeft { get; init; } = "";
            public string Margin { get; init; } = "";
            public string FontFamily { get; init; } = "";
            public string Border { get; init; } = "";
        }
        """;
}
