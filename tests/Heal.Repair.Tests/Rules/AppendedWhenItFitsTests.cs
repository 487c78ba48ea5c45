using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A suffix documented to be added only when it fits, subtracted from a limit it exceeds (<see cref="AppendedWhenItFits"/>).</summary>
public sealed class AppendedWhenItFitsTests
{
    private static readonly LibraryArgumentRule Rule = new();

    private const string OutOfRange = "System.ArgumentOutOfRangeException";

    private const string Negative = "length ('-2') must be a non-negative value. (Parameter 'length')\nActual value was -2.";

    [Fact]
    public void Apply_MarkerDocumentedOnTheBaseMethod_TakesThePathWithoutMarker() => RuleCheck.Fixes(Rule,
        """
        //- src/Sms/Shortener.cs
        namespace Sms;

        public abstract class Shortener
        {
            /// <summary>Fits a message into one segment.</summary>
            /// <param name="text">The message.</param>
            /// <param name="max">Characters a segment holds.</param>
            /// <param name="marker">Added at the end to show the message was cut, if it fits within <paramref name="max"/>.</param>
            public abstract string Shorten(string text, int max, string? marker);
        }

        public sealed class PlainShortener : Shortener
        {
            public override string Shorten(string text, int limit, string? tail)
            {
                if (text.Length <= limit)
                {
                    return text;
                }

                if (tail is null)
                {
                    return text.Substring(0, limit);
                }

                return text.Substring(0, limit - tail.Length) + tail; // <- throws
            }
        }
        """, OutOfRange, Negative,
        """
        //- src/Sms/Shortener.cs
        namespace Sms;

        public abstract class Shortener
        {
            /// <summary>Fits a message into one segment.</summary>
            /// <param name="text">The message.</param>
            /// <param name="max">Characters a segment holds.</param>
            /// <param name="marker">Added at the end to show the message was cut, if it fits within <paramref name="max"/>.</param>
            public abstract string Shorten(string text, int max, string? marker);
        }

        public sealed class PlainShortener : Shortener
        {
            public override string Shorten(string text, int limit, string? tail)
            {
                if (text.Length <= limit)
                {
                    return text;
                }

                if (tail is null || tail.Length > limit)
                {
                    return text.Substring(0, limit);
                }

                return text.Substring(0, limit - tail.Length) + tail;
            }
        }
        """);

    [Fact]
    public void Apply_SuffixDocumentedOnTheMethodItself_ExtendsItsEmptyCheck() => RuleCheck.Fixes(Rule,
        """
        //- src/Labels/ShelfLabel.cs
        namespace Labels;

        public static class ShelfLabel
        {
            /// <param name="name">Product name.</param>
            /// <param name="width">Characters the label printer fits on a line.</param>
            /// <param name="unit">Unit shown after the name when it fits in <paramref name="width"/>.</param>
            public static string Line(string name, int width, string unit)
            {
                if (name.Length + unit.Length <= width)
                {
                    return name + unit;
                }
                if (unit.Length == 0)
                {
                    return name.Substring(0, width);
                }
                return name.Remove(width - unit.Length) + unit; // <- throws
            }
        }
        """, OutOfRange, "startIndex ('-3') must be a non-negative value. (Parameter 'startIndex')",
        """
        //- src/Labels/ShelfLabel.cs
        namespace Labels;

        public static class ShelfLabel
        {
            /// <param name="name">Product name.</param>
            /// <param name="width">Characters the label printer fits on a line.</param>
            /// <param name="unit">Unit shown after the name when it fits in <paramref name="width"/>.</param>
            public static string Line(string name, int width, string unit)
            {
                if (name.Length + unit.Length <= width)
                {
                    return name + unit;
                }
                if (unit.Length == 0 || unit.Length > width)
                {
                    return name.Substring(0, width);
                }
                return name.Remove(width - unit.Length) + unit;
            }
        }
        """);

    [Fact]
    public void Apply_SuffixAlwaysAppended_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Feeds/Headline.cs
        namespace Feeds;

        public static class Headline
        {
            /// <param name="title">The headline.</param>
            /// <param name="room">Characters the ticker shows.</param>
            /// <param name="more">Always appended after a cut title.</param>
            public static string Cut(string title, int room, string more)
            {
                if (title.Length <= room)
                {
                    return title;
                }
                if (string.IsNullOrEmpty(more))
                {
                    return title.Substring(0, room);
                }
                return title.Substring(0, room - more.Length) + more; // <- throws
            }
        }
        """, OutOfRange, Negative);
}
