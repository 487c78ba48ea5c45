using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// <c>.Value</c> of a null <c>T?</c>: the value for the absent case only from what the code says about it, never from the
/// message. New snippets in different domains, and one the code says nothing about (decline).
/// </summary>
public sealed class NullableValueRuleTests
{
    private const string InvalidOperation = "System.InvalidOperationException";
    private const string Message = "Nullable object must have a value.";

    [Fact]
    public void Apply_MemberDocumentsTheValueUsedWhenUnset_SubstitutesIt()
    {
        RuleCheck.Fixes(new NullableValueRule(), """
            //- src/Library/Loans.cs
            namespace Library;

            public sealed class Membership
            {
                /// <summary>How many days a loan runs. When it is not set, <c>21</c> is used.</summary>
                public int? LoanDays { get; set; }
            }

            public static class Loans
            {
                public static System.DateOnly Due(Membership membership, System.DateOnly borrowed) =>
                    borrowed.AddDays(membership.LoanDays.Value); // <- throws
            }
            """, InvalidOperation, Message, """
            //- src/Library/Loans.cs
            namespace Library;

            public sealed class Membership
            {
                /// <summary>How many days a loan runs. When it is not set, <c>21</c> is used.</summary>
                public int? LoanDays { get; set; }
            }

            public static class Loans
            {
                public static System.DateOnly Due(Membership membership, System.DateOnly borrowed) =>
                    borrowed.AddDays(membership.LoanDays ?? 21);
            }
            """);
    }

    [Fact]
    public void Apply_MemberDocumentsAConstantForUnset_SubstitutesTheConstant()
    {
        RuleCheck.Fixes(new NullableValueRule(), """
            //- src/Kiln/Firing.cs
            namespace Kiln;

            public sealed class Glaze
            {
                public const decimal StandardPeakCelsius = 1220m;

                /// <summary>The peak temperature. When it is not set, <see cref="StandardPeakCelsius"/> is used.</summary>
                public decimal? PeakCelsius { get; set; }
            }

            public static class Firing
            {
                public static decimal RampMinutes(Glaze glaze, decimal degreesPerMinute)
                {
                    var peak = glaze.PeakCelsius.Value; // <- throws
                    return peak / degreesPerMinute;
                }
            }
            """, InvalidOperation, Message, """
            //- src/Kiln/Firing.cs
            namespace Kiln;

            public sealed class Glaze
            {
                public const decimal StandardPeakCelsius = 1220m;

                /// <summary>The peak temperature. When it is not set, <see cref="StandardPeakCelsius"/> is used.</summary>
                public decimal? PeakCelsius { get; set; }
            }

            public static class Firing
            {
                public static decimal RampMinutes(Glaze glaze, decimal degreesPerMinute)
                {
                    var peak = glaze.PeakCelsius ?? Glaze.StandardPeakCelsius;
                    return peak / degreesPerMinute;
                }
            }
            """);
    }

    [Fact]
    public void Apply_NothingSaysWhatAnUnsetValueMeans_Declines()
    {
        RuleCheck.Declines(new NullableValueRule(), """
            //- src/Tolls/Gantry.cs
            namespace Tolls;

            public sealed class Passage
            {
                public decimal? AxleWeightTonnes { get; set; }
            }

            public static class Gantry
            {
                public static decimal Charge(Passage passage) => passage.AxleWeightTonnes.Value * 1.8m; // <- throws
            }
            """, InvalidOperation, Message, "does not show what should happen");
    }

    [Fact]
    public void Apply_AnotherInvalidOperation_DoesNotApply()
    {
        RuleCheck.DoesNotApply(new NullableValueRule(), """
            //- src/Tolls/Gantry.cs
            namespace Tolls;

            public static class Gantry
            {
                public static int Charge(int? axles) => axles.Value; // <- throws
            }
            """, InvalidOperation, "Sequence contains no elements");
    }
}
