using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>"The same day next month" rolled by hand through locals (<see cref="CalendarRollover"/>).</summary>
public sealed class CalendarRolloverTests
{
    private static readonly LibraryArgumentRule Rule = new();

    private const string OutOfRange = "System.ArgumentOutOfRangeException";

    private const string Unrepresentable = "Year, Month, and Day parameters describe an un-representable DateTime.";

    [Fact]
    public void Apply_NextMonthThroughLocalsDocumentedLastDay_UsesAddMonths()
    {
        var result = RuleCheck.Fixes(Rule,
            """
            //- src/Lending/Instalments.cs
            using System;

            namespace Lending;

            public static class Instalments
            {
                /// <summary>When the instalment after <paramref name="due"/> falls due.</summary>
                /// <remarks>On the same day of the next month; in a shorter month, on its last day.</remarks>
                public static DateTime After(DateTime due)
                {
                    int nextMonth = due.Month < 12 ? due.Month + 1 : 1; // <- throws
                    int nextYear = due.Month < 12 ? due.Year : due.Year + 1;
                    var next = new DateTime(nextYear, nextMonth, due.Day);
                    return next;
                }
            }
            """, OutOfRange, Unrepresentable,
            """
            //- src/Lending/Instalments.cs
            using System;

            namespace Lending;

            public static class Instalments
            {
                /// <summary>When the instalment after <paramref name="due"/> falls due.</summary>
                /// <remarks>On the same day of the next month; in a shorter month, on its last day.</remarks>
                public static DateTime After(DateTime due)
                {
                    var next = due.Date.AddMonths(1);
                    return next;
                }
            }
            """);
        Assert.True(result.Confidence > 0.8, $"documented rule, confidence {result.Confidence}");
    }

    [Fact]
    public void Apply_NextMonthInlineConditionalsUndocumented_UsesAddMonthsAtLowerConfidence()
    {
        var result = RuleCheck.Fixes(Rule,
            """
            //- src/Dental/Recalls.cs
            using System;

            namespace Dental;

            public sealed class Recalls
            {
                public DateOnly Follow(DateOnly visit) =>
                    new DateOnly(visit.Month == 12 ? visit.Year + 1 : visit.Year, visit.Month == 12 ? 1 : visit.Month + 1, visit.Day); // <- throws
            }
            """, OutOfRange, Unrepresentable,
            """
            //- src/Dental/Recalls.cs
            using System;

            namespace Dental;

            public sealed class Recalls
            {
                public DateOnly Follow(DateOnly visit) =>
                    visit.AddMonths(1);
            }
            """);
        Assert.True(result.Confidence <= 0.7, $"nothing documents the short month, confidence {result.Confidence}");
    }

    [Fact]
    public void Apply_DocumentedFirstOfNextMonth_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Parking/Permits.cs
        using System;

        namespace Parking;

        public static class Permits
        {
            /// <summary>The renewal date of a monthly permit.</summary>
            /// <remarks>The same day next month; when that month has no such day, the permit renews on the first day of the following month.</remarks>
            public static DateOnly Renewal(DateOnly issued)
            {
                var year = issued.Month == 12 ? issued.Year + 1 : issued.Year; // <- throws
                var month = issued.Month == 12 ? 1 : issued.Month + 1;
                return new DateOnly(year, month, issued.Day);
            }
        }
        """, OutOfRange, Unrepresentable, "another rule");
}
