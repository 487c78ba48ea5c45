using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class IndexRangeRuleTests
{
    private static readonly IndexRangeRule Rule = new();

    private static void FixesArray(string before, string after) =>
        RuleCheck.Fixes(Rule, before, "System.IndexOutOfRangeException", "Index was outside the bounds of the array.", after);

    private static void FixesArgument(string before, string after) =>
        RuleCheck.Fixes(Rule, before, "System.ArgumentOutOfRangeException",
            "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, "System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.", reason);

    [Fact]
    public void Apply_LoopBoundedWithLessOrEqualLength_UsesLessThan() => FixesArray(
        """
        //- src/Grades/Report.cs
        namespace Grades;

        public static class Report
        {
            public static int Total(int[] scores)
            {
                var total = 0;
                for (var i = 0; i <= scores.Length; i++)
                {
                    total += scores[i]; // <- throws
                }

                return total;
            }
        }
        """,
        """
        //- src/Grades/Report.cs
        namespace Grades;

        public static class Report
        {
            public static int Total(int[] scores)
            {
                var total = 0;
                for (var i = 0; i < scores.Length; i++)
                {
                    total += scores[i];
                }

                return total;
            }
        }
        """);

    [Fact]
    public void Apply_PairwiseLoopToFullCount_StopsOneEarlier() => FixesArgument(
        """
        //- src/Sensors/Deltas.cs
        using System.Collections.Generic;

        namespace Sensors;

        public static class Deltas
        {
            public static List<double> Between(List<double> readings)
            {
                var deltas = new List<double>();
                for (int i = 0; i < readings.Count; i++)
                {
                    deltas.Add(readings[i + 1] - readings[i]); // <- throws
                }

                return deltas;
            }
        }
        """,
        """
        //- src/Sensors/Deltas.cs
        using System.Collections.Generic;

        namespace Sensors;

        public static class Deltas
        {
            public static List<double> Between(List<double> readings)
            {
                var deltas = new List<double>();
                for (int i = 0; i < readings.Count - 1; i++)
                {
                    deltas.Add(readings[i + 1] - readings[i]);
                }

                return deltas;
            }
        }
        """);

    [Fact]
    public void Apply_IndexIsTheListsOwnCount_ReadsTheLastElement() => FixesArgument(
        """
        //- src/Audit/History.cs
        using System.Collections.Generic;

        namespace Audit;

        public sealed class History
        {
            private readonly List<string> _entries = new() { "created" };

            public string Latest()
            {
                var latest = _entries[_entries.Count]; // <- throws
                return latest;
            }
        }
        """,
        """
        //- src/Audit/History.cs
        using System.Collections.Generic;

        namespace Audit;

        public sealed class History
        {
            private readonly List<string> _entries = new() { "created" };

            public string Latest()
            {
                var latest = _entries[_entries.Count - 1];
                return latest;
            }
        }
        """);

    [Fact]
    public void Apply_PreviewSubstringPastShortText_ClampsTheLength() => RuleCheck.Fixes(Rule,
        """
        //- src/Blog/Feed.cs
        namespace Blog;

        public sealed class Feed
        {
            public string Card(Post post) => post.Title + ": " + Posts.Preview(post.Body); // <- caller 1
        }

        public sealed record Post(string Title, string Body);
        //- src/Blog/Posts.cs
        using System;

        namespace Blog;

        public static class Posts
        {
            private const int MaxPreviewLength = 140;

            public static string Preview(string body)
            {
                return body.Substring(0, MaxPreviewLength); // <- throws
            }
        }
        """,
        "System.ArgumentOutOfRangeException",
        "Index and length must refer to a location within the string. (Parameter 'length')",
        """
        //- src/Blog/Posts.cs
        using System;

        namespace Blog;

        public static class Posts
        {
            private const int MaxPreviewLength = 140;

            public static string Preview(string body)
            {
                return body.Substring(0, Math.Min(MaxPreviewLength, body.Length));
            }
        }
        """);

    [Fact]
    public void Apply_FirstItemOfPossiblyEmptyListInBracelessFile_GuardsInTheFilesStyle() => FixesArgument(
        """
        //- src/Tags/TagLine.cs
        using System.Collections.Generic;

        namespace Tags {
          public static class TagLine {
            public static string Headline(List<string> tags) {
              if (tags == null) return null;
              string first = tags[0]; // <- throws
              return first.ToUpperInvariant();
            }
          }
        }
        """,
        """
        //- src/Tags/TagLine.cs
        using System.Collections.Generic;

        namespace Tags {
          public static class TagLine {
            public static string Headline(List<string> tags) {
              if (tags == null) return null;
              if (tags.Count == 0) return null;
              string first = tags[0];
              return first.ToUpperInvariant();
            }
          }
        }
        """);

    [Fact]
    public void Apply_IndexFromCallerData_Declines() => Declines(
        """
        //- src/Menu/Choices.cs
        using System.Collections.Generic;

        namespace Menu;

        public sealed class Choices
        {
            private readonly List<string> _labels = new();

            public string Pick(int selected)
            {
                return _labels[selected]; // <- throws
            }
        }
        """,
        "unclear");

    [Theory]
    [InlineData("length ('-3') must be a non-negative value. (Parameter 'length')\nActual value was -3.")]
    [InlineData("Length cannot be less than zero. (Parameter 'length')")]
    public void Apply_ShorteningSubstringWithNegativeLength_Declines(string message) => RuleCheck.Declines(Rule,
        """
        //- src/Labels/Shortener.cs
        namespace Labels;

        public static class Shortener
        {
            public static string Truncate(string text, int width, string marker)
            {
                if (text.Length <= width)
                {
                    return text;
                }

                return text.Substring(0, width - marker.Length) + marker; // <- throws
            }
        }
        """,
        "System.ArgumentOutOfRangeException", message, "negative");

    [Fact]
    public void Apply_ComputedLengthNamingAShorteningOperand_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Labels/Badge.cs
        namespace Labels;

        public static class Badge
        {
            public static string Caption(string text, int room, string ellipsisTruncation)
            {
                return text.Substring(0, room - ellipsisTruncation.Length); // <- throws
            }
        }
        """,
        "System.ArgumentOutOfRangeException", "Index and length must refer to a location within the string. (Parameter 'length')", "nothing says");

    [Fact]
    public void Apply_SubstringWithoutShorteningIntent_Declines() => Declines(
        """
        //- src/Banking/Iban.cs
        namespace Banking;

        public static class Iban
        {
            public static string BankCode(string iban)
            {
                return iban.Substring(4, 8); // <- throws
            }
        }
        """,
        "nothing says");

    [Fact]
    public void Apply_FixedIndexWithoutAnyFallback_Declines() => Declines(
        """
        //- src/Cli/Args.cs
        namespace Cli;

        public sealed class Args
        {
            public string Command { get; private set; } = "";

            public void Read(string[] args)
            {
                Command = args[0]; // <- throws
            }
        }
        """,
        "does not show");

    [Fact]
    public void Apply_OneBasedLoopUpToLength_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Grades/Ranks.cs
        namespace Grades;

        public static class Ranks
        {
            public static string Describe(string[] names)
            {
                var text = "";
                for (var rank = 1; rank <= names.Length; rank++)
                {
                    text += rank + ". " + names[rank] + "\n"; // <- throws
                }

                return text;
            }
        }
        """,
        "System.IndexOutOfRangeException", "Index was outside the bounds of the array.", "unclear");
}
