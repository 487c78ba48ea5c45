using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Intent read from the team's own documentation in shapes the rules used to miss: a computed divisor, a lifted aggregate,
/// a condition worded "not … yet", a range the docs say may come back shorter. Each has a negative twin that must keep declining.
/// </summary>
public sealed class IntentReachTests
{
    private const string DivideByZero = "System.DivideByZeroException";

    private const string Sequence = "System.InvalidOperationException";

    private const string KeyNotFound = "System.Collections.Generic.KeyNotFoundException";

    private const string RangeMessage = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";

    [Fact]
    public void Apply_ProductDivisorWithDocumentedNullForNone_ReturnsNullWhenTheProductIsZero() => RuleCheck.Fixes(new DivideByZeroRule(),
        """
        //- src/Warehouse/Density.cs
        namespace Warehouse;

        public sealed class Density
        {
            /// <summary>Items per square metre of a bay.</summary>
            /// <returns>The density, or <c>null</c> for a bay with no floor area (a ramp or a corridor).</returns>
            public int? ItemsPerSquareMetre(Bay bay) =>
                bay.Items / (bay.Width * bay.Depth); // <- throws
        }

        public sealed record Bay(int Items, int Width, int Depth);
        """,
        DivideByZero, "Attempted to divide by zero.",
        """
        //- src/Warehouse/Density.cs
        namespace Warehouse;

        public sealed class Density
        {
            /// <summary>Items per square metre of a bay.</summary>
            /// <returns>The density, or <c>null</c> for a bay with no floor area (a ramp or a corridor).</returns>
            public int? ItemsPerSquareMetre(Bay bay) =>
                bay.Width * bay.Depth == 0 ? null : bay.Items / (bay.Width * bay.Depth);
        }

        public sealed record Bay(int Items, int Width, int Depth);
        """);

    [Fact]
    public void Apply_ProductDivisorWithoutDocumentedOutcome_Declines() => RuleCheck.Declines(new DivideByZeroRule(),
        """
        //- src/Warehouse/Density.cs
        namespace Warehouse;

        public sealed class Density
        {
            public int ItemsPerSquareMetre(Bay bay) =>
                bay.Items / (bay.Width * bay.Depth); // <- throws
        }

        public sealed record Bay(int Items, int Width, int Depth);
        """,
        DivideByZero, "Attempted to divide by zero.", "divisor is zero");

    [Theory]
    [InlineData("Max(t => t.Celsius)", "Max(t => (int?)t.Celsius)")]
    [InlineData("Min(t => t.Celsius * 2)", "Min(t => (int?)(t.Celsius * 2))")]
    public void Apply_AggregateDocumentedAsNullWhenEmpty_LiftsToNullable(string call, string lifted) => RuleCheck.Fixes(new EmptySequenceRule(),
        $$"""
        //- src/Climate/Extremes.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Climate;

        public static class Extremes
        {
            /// <summary>The extreme reading of a station.</summary>
            /// <returns>The value, or <c>null</c> when the station logged no readings.</returns>
            public static int? Of(IEnumerable<Reading> readings, string station)
            {
                return readings.Where(r => r.Station == station).{{call}}; // <- throws
            }
        }

        public sealed record Reading(string Station, int Celsius);
        """,
        Sequence, "Sequence contains no elements",
        $$"""
        //- src/Climate/Extremes.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Climate;

        public static class Extremes
        {
            /// <summary>The extreme reading of a station.</summary>
            /// <returns>The value, or <c>null</c> when the station logged no readings.</returns>
            public static int? Of(IEnumerable<Reading> readings, string station)
            {
                return readings.Where(r => r.Station == station).{{lifted}};
            }
        }

        public sealed record Reading(string Station, int Celsius);
        """);

    [Theory]
    [InlineData("DateTime", "return visits.Where(v => !v.Billable).Max(v => v.On);", "return visits.Where(v => !v.Billable).Max(v => (DateTime?)v.On);")]
    [InlineData("TimeSpan", "return visits.Where(v => v.Billable).Min(v => v.Duration);", "return visits.Where(v => v.Billable).Min(v => (TimeSpan?)v.Duration);")]
    [InlineData("DateOnly", "return visits.Select(v => DateOnly.FromDateTime(v.On)).Min();", "return visits.Select(v => DateOnly.FromDateTime(v.On)).Min(x => (DateOnly?)x);")]
    public void Apply_OrderableValueAggregateDocumentedAsNullWhenEmpty_LiftsToNullable(string type, string line, string lifted) => RuleCheck.Fixes(new EmptySequenceRule(),
        $$"""
        //- src/Fleet/ServiceLog.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Fleet;

        public sealed class ServiceLog
        {
            /// <summary>The extreme service visit of a vehicle.</summary>
            /// <returns>The value, or <c>null</c> when the vehicle has never been serviced.</returns>
            public {{type}}? Extreme(IReadOnlyList<Visit> visits)
            {
                {{line}} // <- throws
            }
        }

        public sealed record Visit(DateTime On, TimeSpan Duration, bool Billable);
        """,
        Sequence, "Sequence contains no elements",
        $$"""
        //- src/Fleet/ServiceLog.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Fleet;

        public sealed class ServiceLog
        {
            /// <summary>The extreme service visit of a vehicle.</summary>
            /// <returns>The value, or <c>null</c> when the vehicle has never been serviced.</returns>
            public {{type}}? Extreme(IReadOnlyList<Visit> visits)
            {
                {{lifted}}
            }
        }

        public sealed record Visit(DateTime On, TimeSpan Duration, bool Billable);
        """);

    [Fact]
    public void Apply_OrderableValueAggregateInExpressionBodyDocumentedAsNull_LiftsToNullable() => RuleCheck.Fixes(new EmptySequenceRule(),
        """
        //- src/Calls/CallStats.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Calls;

        public static class CallStats
        {
            /// <summary>The shortest answered call of an agent, or null if the agent answered none today.</summary>
            public static TimeSpan? Shortest(List<Call> calls, string agent) =>
                calls.Where(c => c.Agent == agent && c.Answered).Min(c => c.Length); // <- throws
        }

        public sealed record Call(string Agent, bool Answered, TimeSpan Length);
        """,
        Sequence, "Sequence contains no elements",
        """
        //- src/Calls/CallStats.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Calls;

        public static class CallStats
        {
            /// <summary>The shortest answered call of an agent, or null if the agent answered none today.</summary>
            public static TimeSpan? Shortest(List<Call> calls, string agent) =>
                calls.Where(c => c.Agent == agent && c.Answered).Min(c => (TimeSpan?)c.Length);
        }

        public sealed record Call(string Agent, bool Answered, TimeSpan Length);
        """);

    [Fact]
    public void Apply_OrderableValueAggregateWithoutNullContract_Declines() => RuleCheck.Declines(new EmptySequenceRule(),
        """
        //- src/Fleet/ServiceLog.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Fleet;

        public sealed class ServiceLog
        {
            /// <summary>The date of the vehicle's latest service visit.</summary>
            public DateTime LastService(IReadOnlyList<Visit> visits)
            {
                return visits.Max(v => v.On); // <- throws
            }
        }

        public sealed record Visit(DateTime On);
        """,
        Sequence, "Sequence contains no elements", "does not show");

    [Fact]
    public void Apply_AggregateInMethodWithoutNullContract_Declines() => RuleCheck.Declines(new EmptySequenceRule(),
        """
        //- src/Climate/Extremes.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Climate;

        public static class Extremes
        {
            public static int Of(IEnumerable<Reading> readings, string station)
            {
                return readings.Where(r => r.Station == station).Max(r => r.Celsius); // <- throws
            }
        }

        public sealed record Reading(string Station, int Celsius);
        """,
        Sequence, "Sequence contains no elements", "does not show");

    [Fact]
    public void Apply_ReturnsDocSaysNotYetRatedFallsBack_ReadsWithThatDefault() => RuleCheck.Fixes(new KeyNotFoundRule(),
        """
        //- src/Hotels/Ratings.cs
        using System.Collections.Generic;

        namespace Hotels;

        public enum Stars { Unrated, One, Two, Three }

        public sealed class Ratings
        {
            private readonly Dictionary<string, Stars> _byHotel = new();

            /// <summary>The rating of a hotel.</summary>
            /// <returns>Its stars; a hotel the inspectors have not visited yet shows as <see cref="Stars.Unrated"/>.</returns>
            public Stars Of(string hotel) => _byHotel[hotel]; // <- throws
        }
        """,
        KeyNotFound, "The given key 'h-9' was not present in the dictionary.",
        """
        //- src/Hotels/Ratings.cs
        using System.Collections.Generic;

        namespace Hotels;

        public enum Stars { Unrated, One, Two, Three }

        public sealed class Ratings
        {
            private readonly Dictionary<string, Stars> _byHotel = new();

            /// <summary>The rating of a hotel.</summary>
            /// <returns>Its stars; a hotel the inspectors have not visited yet shows as <see cref="Stars.Unrated"/>.</returns>
            public Stars Of(string hotel) => _byHotel.GetValueOrDefault(hotel, Stars.Unrated);
        }
        """);

    [Fact]
    public void Apply_ReturnsDocNamesAValueWithoutTheMissingCase_Declines() => RuleCheck.Declines(new KeyNotFoundRule(),
        """
        //- src/Hotels/Ratings.cs
        using System.Collections.Generic;

        namespace Hotels;

        public enum Stars { Unrated, One, Two, Three }

        public sealed class Ratings
        {
            private readonly Dictionary<string, Stars> _byHotel = new();

            /// <summary>The rating of a hotel.</summary>
            /// <returns>Its stars, as the inspectors set them; new hotels start at <see cref="Stars.Unrated"/>.</returns>
            public Stars Of(string hotel) => _byHotel[hotel]; // <- throws
        }
        """,
        KeyNotFound, "The given key 'h-9' was not present in the dictionary.", "");

    [Fact]
    public void Apply_PageDocumentedAsPossiblyShorter_CapsTheCount() => RuleCheck.Fixes(new LibraryArgumentRule(),
        """
        //- src/Search/Results.cs
        using System.Collections.Generic;

        namespace Search;

        public sealed class Results
        {
            private readonly List<string> _hits = new();

            /// <summary>A batch of hits for the crawler.</summary>
            /// <returns>Up to <paramref name="size"/> hits; the final batch may be shorter.</returns>
            public List<string> Batch(int from, int size)
            {
                return _hits.GetRange(from, size); // <- throws
            }
        }
        """,
        "System.ArgumentException", RangeMessage,
        """
        //- src/Search/Results.cs
        using System.Collections.Generic;

        namespace Search;

        public sealed class Results
        {
            private readonly List<string> _hits = new();

            /// <summary>A batch of hits for the crawler.</summary>
            /// <returns>Up to <paramref name="size"/> hits; the final batch may be shorter.</returns>
            public List<string> Batch(int from, int size)
            {
                return _hits.GetRange(from, System.Math.Min(size, _hits.Count - from));
            }
        }
        """);

    [Fact]
    public void Apply_RangeWithoutDocumentedShorterResult_DoesNotApply() => RuleCheck.DoesNotApply(new LibraryArgumentRule(),
        """
        //- src/Search/Results.cs
        using System.Collections.Generic;

        namespace Search;

        public sealed class Results
        {
            private readonly List<string> _hits = new();

            /// <summary>Exactly <paramref name="size"/> hits starting at <paramref name="from"/>.</summary>
            public List<string> Batch(int from, int size)
            {
                return _hits.GetRange(from, size); // <- throws
            }
        }
        """,
        "System.ArgumentException", RangeMessage);

    [Fact]
    public void Apply_IndexParameterDocumentedOneBased_SubtractsOne() => RuleCheck.Fixes(new IndexRangeRule(),
        """
        //- src/Cinema/Row.cs
        namespace Cinema;

        public sealed class Row
        {
            private readonly string[] _seats = new string[12];

            /// <summary>The ticket holder of a seat.</summary>
            /// <param name="seat">The seat number printed on the ticket, numbered from 1 at the aisle.</param>
            public string HolderOf(int seat) => _seats[seat]; // <- throws
        }
        """,
        "System.IndexOutOfRangeException", "Index was outside the bounds of the array.",
        """
        //- src/Cinema/Row.cs
        namespace Cinema;

        public sealed class Row
        {
            private readonly string[] _seats = new string[12];

            /// <summary>The ticket holder of a seat.</summary>
            /// <param name="seat">The seat number printed on the ticket, numbered from 1 at the aisle.</param>
            public string HolderOf(int seat) => _seats[seat - 1];
        }
        """);

    [Theory]
    [InlineData("The seat number printed on the ticket.")]
    [InlineData("The zero-based seat index.")]
    public void Apply_IndexParameterNotDocumentedOneBased_Declines(string documentation) => RuleCheck.Declines(new IndexRangeRule(),
        $$"""
        //- src/Cinema/Row.cs
        namespace Cinema;

        public sealed class Row
        {
            private readonly string[] _seats = new string[12];

            /// <param name="seat">{{documentation}}</param>
            public string HolderOf(int seat) => _seats[seat]; // <- throws
        }
        """,
        "System.IndexOutOfRangeException", "Index was outside the bounds of the array.", "valid range");

    [Fact]
    public void Apply_DocumentedExponentSamplesRejectedByDecimalParse_AllowsTheExponent() => RuleCheck.Fixes(new CultureParseRule(),
        """
        //- src/Gauges/Reading.cs
        using System.Globalization;

        namespace Gauges;

        public static class Reading
        {
            /// <summary>Reads a pressure gauge's output line.</summary>
            /// <remarks>Gauges print readings such as <c>4.5E+03</c> or <c>12.25</c>.</remarks>
            public static decimal Pressure(string raw) => decimal.Parse(raw, CultureInfo.InvariantCulture); // <- throws
        }
        """,
        "System.FormatException", "The input string '6.1E+02' was not in a correct format.",
        """
        //- src/Gauges/Reading.cs
        using System.Globalization;

        namespace Gauges;

        public static class Reading
        {
            /// <summary>Reads a pressure gauge's output line.</summary>
            /// <remarks>Gauges print readings such as <c>4.5E+03</c> or <c>12.25</c>.</remarks>
            public static decimal Pressure(string raw) => decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        """);

    [Fact]
    public void Apply_ExponentTextWithoutDocumentedSamples_DoesNotApply() => RuleCheck.DoesNotApply(new CultureParseRule(),
        """
        //- src/Gauges/Reading.cs
        using System.Globalization;

        namespace Gauges;

        public static class Reading
        {
            /// <summary>Reads a pressure gauge's output line, such as <c>12.25</c>.</summary>
            public static decimal Pressure(string raw) => decimal.Parse(raw, CultureInfo.InvariantCulture); // <- throws
        }
        """,
        "System.FormatException", "The input string '6.1E+02' was not in a correct format.");
}
