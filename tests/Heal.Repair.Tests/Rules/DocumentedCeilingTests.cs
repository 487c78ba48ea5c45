using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>An overflowing product in a method documented never to return more than a named maximum (<see cref="DocumentedCeiling"/>).</summary>
public sealed class DocumentedCeilingTests
{
    private const string Type = "System.OverflowException";

    private static readonly OverflowRule Rule = new();

    [Fact]
    public void Apply_TimeSpanProductDocumentedAtMost_ReturnsTheMaximumFirst()
    {
        var result = RuleCheck.Fixes(Rule,
            """
            //- src/Leases/LeaseRenewal.cs
            using System;

            namespace Leases;

            public static class LeaseRenewal
            {
                public static TimeSpan Step { get; } = TimeSpan.FromSeconds(5);

                public static TimeSpan Ceiling { get; } = TimeSpan.FromHours(1);

                /// <summary>How long to wait before renewing again.</summary>
                /// <returns>Three times longer after each refusal, at most <see cref="Ceiling"/>.</returns>
                public static TimeSpan Interval(int refusals)
                {
                    var wait = Step * Math.Pow(3, refusals); // <- throws
                    return wait > Ceiling ? Ceiling : wait;
                }
            }
            """, Type, "TimeSpan overflowed because the duration is too long.",
            """
            //- src/Leases/LeaseRenewal.cs
            using System;

            namespace Leases;

            public static class LeaseRenewal
            {
                public static TimeSpan Step { get; } = TimeSpan.FromSeconds(5);

                public static TimeSpan Ceiling { get; } = TimeSpan.FromHours(1);

                /// <summary>How long to wait before renewing again.</summary>
                /// <returns>Three times longer after each refusal, at most <see cref="Ceiling"/>.</returns>
                public static TimeSpan Interval(int refusals)
                {
                    if (Step.Ticks * Math.Pow(3, refusals) >= Ceiling.Ticks)
                    {
                        return Ceiling;
                    }
                    var wait = Step * Math.Pow(3, refusals);
                    return wait > Ceiling ? Ceiling : wait;
                }
            }
            """);
        Assert.Equal("Ceiling", result.Outcome?.Value);
    }

    [Fact]
    public void Apply_CheckedLongProductCappedByAField_ComparesInDouble() => RuleCheck.Fixes(Rule,
        """
        //- src/Library/LateFees.cs
        using System;

        namespace Library;

        public sealed class LateFees
        {
            private readonly long _dailyCents;

            /// <summary>The most a single loan is ever charged, in cents.</summary>
            public readonly long MaxCents = 5_000;

            public LateFees(long dailyCents) => _dailyCents = dailyCents;

            /// <returns>The fee in cents, which doubles every overdue week and is never more than <see cref="MaxCents"/>.</returns>
            public long Fee(long weeklyFactor)
            {
                var fee = checked(_dailyCents * weeklyFactor); // <- throws
                return Math.Min(fee, MaxCents);
            }
        }
        """, Type, "Arithmetic operation resulted in an overflow.",
        """
        //- src/Library/LateFees.cs
        using System;

        namespace Library;

        public sealed class LateFees
        {
            private readonly long _dailyCents;

            /// <summary>The most a single loan is ever charged, in cents.</summary>
            public readonly long MaxCents = 5_000;

            public LateFees(long dailyCents) => _dailyCents = dailyCents;

            /// <returns>The fee in cents, which doubles every overdue week and is never more than <see cref="MaxCents"/>.</returns>
            public long Fee(long weeklyFactor)
            {
                if ((double)_dailyCents * weeklyFactor >= (double)MaxCents)
                {
                    return MaxCents;
                }
                var fee = checked(_dailyCents * weeklyFactor);
                return Math.Min(fee, MaxCents);
            }
        }
        """);

    [Fact]
    public void Apply_NoDocumentedMaximum_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Telemetry/Sampling.cs
        using System;

        namespace Telemetry;

        public sealed class Sampling
        {
            public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

            public TimeSpan Limit { get; init; } = TimeSpan.FromDays(1);

            /// <summary>The window after <paramref name="quietPeriods"/> periods without data.</summary>
            public TimeSpan Widened(int quietPeriods)
            {
                var widened = Window * Math.Pow(2, quietPeriods); // <- throws
                return widened < Limit ? widened : Limit;
            }
        }
        """, Type, "TimeSpan overflowed because the duration is too long.", "no narrowing conversion");

    [Fact]
    public void Apply_MaximumDocumentedButNotReturned_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Telemetry/Batching.cs
        using System;

        namespace Telemetry;

        public sealed class Batching
        {
            public TimeSpan Flush { get; init; } = TimeSpan.FromSeconds(1);

            public TimeSpan MaxFlush { get; init; } = TimeSpan.FromMinutes(5);

            /// <returns>The flush interval, never more than <see cref="MaxFlush"/>.</returns>
            public TimeSpan Next(int idleBatches)
            {
                var next = Flush * Math.Pow(2, idleBatches); // <- throws
                return next;
            }
        }
        """, Type, "TimeSpan overflowed because the duration is too long.", "no narrowing conversion");
}
