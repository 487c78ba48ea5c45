using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Null crashes whose intent the code states in forms the rule must read wherever they appear: a local captured by a lambda
/// (the guard goes where the local is declared, and a documented exception is built from what was looked up), a parameter the
/// documentation names in prose as the result, and a precedent guard that records what it skips (no template for another
/// value). Each snippet is new code, so the tests prove the reading, not a case.
/// </summary>
public sealed class NullIntentReachTests
{
    private const string NullReference = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";

    [Fact]
    public void Apply_LocalCapturedByLambdaWithDocumentedException_ThrowsItAfterTheLookup()
    {
        var result = RuleCheck.Fixes(new NullReferenceRule(), """
            //- src/Energy/Billing.cs
            using System;
            using System.Linq;

            namespace Energy;

            public sealed class UnknownTariffException : Exception
            {
                public UnknownTariffException(string code) : base($"No tariff {code}.") { }
            }

            public sealed record Tariff(decimal PerKwh);

            public sealed class Tariffs
            {
                public Tariff? Find(string code) => code == "STD" ? new Tariff(0.3m) : null;
            }

            public sealed class Billing
            {
                private readonly Tariffs _tariffs = new();

                /// <summary>Prices each reading at the meter's tariff.</summary>
                /// <exception cref="UnknownTariffException">No tariff with the meter's code is on file.</exception>
                public decimal[] Charges(string code, decimal[] readings)
                {
                    var tariff = _tariffs.Find(code);
                    return readings
                        .Select(r => r * tariff.PerKwh) // <- throws
                        .ToArray();
                }
            }
            """, NullReference, Message, """
            //- src/Energy/Billing.cs
            using System;
            using System.Linq;

            namespace Energy;

            public sealed class UnknownTariffException : Exception
            {
                public UnknownTariffException(string code) : base($"No tariff {code}.") { }
            }

            public sealed record Tariff(decimal PerKwh);

            public sealed class Tariffs
            {
                public Tariff? Find(string code) => code == "STD" ? new Tariff(0.3m) : null;
            }

            public sealed class Billing
            {
                private readonly Tariffs _tariffs = new();

                /// <summary>Prices each reading at the meter's tariff.</summary>
                /// <exception cref="UnknownTariffException">No tariff with the meter's code is on file.</exception>
                public decimal[] Charges(string code, decimal[] readings)
                {
                    var tariff = _tariffs.Find(code);
                    if (tariff is null)
                    {
                        throw new UnknownTariffException(code);
                    }

                    return readings
                        .Select(r => r * tariff.PerKwh)
                        .ToArray();
                }
            }
            """);

        Assert.Equal("throw UnknownTariffException", result.Outcome?.Describe());
    }

    [Fact]
    public void Apply_LocalCapturedByLambdaWithoutAnyStatedOutcome_Declines() => RuleCheck.Declines(new NullReferenceRule(), """
        //- src/Energy/Billing.cs
        using System.Linq;

        namespace Energy;

        public sealed record Tariff(decimal PerKwh);

        public sealed class Tariffs
        {
            public Tariff? Find(string code) => code == "STD" ? new Tariff(0.3m) : null;
        }

        public sealed class Billing
        {
            private readonly Tariffs _tariffs = new();

            public decimal[] Charges(string code, decimal[] readings)
            {
                var tariff = _tariffs.Find(code);
                return readings
                    .Select(r => r * tariff.PerKwh) // <- throws
                    .ToArray();
            }
        }
        """, NullReference, Message, "cannot be inferred");

    [Theory]
    [InlineData("A member who has never subscribed pays the base fee unchanged.")]
    [InlineData("Without a membership the base fee is charged as is.")]
    public void Apply_DocumentationKeepsAParameterNamedInProse_ReturnsThatParameter(string sentence)
    {
        var result = Apply($$"""
            //- src/Gym/Fees.cs
            namespace Gym;

            public sealed record Membership(decimal DiscountRate);

            public sealed record Member(string Name, Membership? Membership);

            public sealed class Fees
            {
                /// <summary>The monthly fee after the member's discount.</summary>
                /// <returns>The discounted fee. {{sentence}}</returns>
                public decimal Monthly(Member member, decimal baseFee)
                {
                    var rate = member.Membership.DiscountRate; // <- throws
                    return baseFee * (1 - rate);
                }
            }
            """);

        Assert.False(result.IsDecline, result.DeclineReason);
        Assert.Equal("return `baseFee`", result.Outcome?.Describe());
    }

    [Theory]
    [InlineData("The discounted fee.")]
    [InlineData("The discounted fee. A member who has never subscribed is charged in full.")]
    public void Apply_DocumentationNamesNoParameterAsTheResult_Declines(string sentence) => RuleCheck.Declines(new NullReferenceRule(), $$"""
        //- src/Gym/Fees.cs
        namespace Gym;

        public sealed record Membership(decimal DiscountRate);

        public sealed record Member(string Name, Membership? Membership);

        public sealed class Fees
        {
            /// <returns>{{sentence}}</returns>
            public decimal Monthly(Member member, decimal baseFee)
            {
                var rate = member.Membership.DiscountRate; // <- throws
                return baseFee * (1 - rate);
            }
        }
        """, NullReference, Message, "");

    [Fact]
    public void Apply_OnlyPrecedentRecordsWhatItSkips_DeclinesRatherThanSkipSilently() => RuleCheck.Declines(new NullReferenceRule(), """
        //- src/Shop/Invoice.cs
        using System.Collections.Generic;

        namespace Shop;

        public sealed record Product(string Sku, decimal Price);

        public sealed record Line(string Sku, int Quantity, string? Batch);

        public sealed class Catalogue
        {
            private readonly Dictionary<string, Product> _bySku = new();

            public Product? Find(string sku) => _bySku.GetValueOrDefault(sku);
        }

        public sealed class Invoice
        {
            private readonly Catalogue _catalogue = new();

            public List<string> Untraced { get; } = new();

            public decimal Total(IEnumerable<Line> lines)
            {
                decimal total = 0;
                foreach (var line in lines)
                {
                    var product = _catalogue.Find(line.Sku);
                    if (line.Batch is null)
                    {
                        Untraced.Add(line.Sku);
                        continue;
                    }
                    total += product.Price * line.Quantity; // <- throws
                }
                return total;
            }
        }
        """, NullReference, Message, "");

    [Fact]
    public void Apply_PrecedentOnlyLogsBeforeSkipping_SkipsTheSameWay()
    {
        var result = Apply("""
            //- src/Shop/Invoice.cs
            using System;
            using System.Collections.Generic;

            namespace Shop;

            public sealed record Product(string Sku, decimal Price);

            public sealed record Line(string Sku, int Quantity, string? Batch);

            public sealed class Catalogue
            {
                private readonly Dictionary<string, Product> _bySku = new();

                public Product? Find(string sku) => _bySku.GetValueOrDefault(sku);
            }

            public sealed class Invoice
            {
                private readonly Catalogue _catalogue = new();

                public decimal Total(IEnumerable<Line> lines)
                {
                    decimal total = 0;
                    foreach (var line in lines)
                    {
                        var product = _catalogue.Find(line.Sku);
                        if (line.Batch is null)
                        {
                            Console.Error.WriteLine($"no batch for {line.Sku}");
                            continue;
                        }
                        total += product.Price * line.Quantity; // <- throws
                    }
                    return total;
                }
            }
            """);

        Assert.False(result.IsDecline, result.DeclineReason);
        Assert.Equal("skip the item", result.Outcome?.Describe());
    }

    private static RuleResult Apply(string fixture)
    {
        var site = RuleFixture.Build(fixture, NullReference, Message);
        var result = new NullReferenceRule().Apply(site, CancellationToken.None);
        Assert.NotNull(result);
        return result!;
    }
}
