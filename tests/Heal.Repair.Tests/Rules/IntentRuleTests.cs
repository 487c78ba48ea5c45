using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Rules follow what the code's contract says should happen (documentation, visible tests, constants, declarations), propose
/// every fix it supports, and decline with the candidates when the evidence disagrees or forbids the only fix.
/// </summary>
public sealed class IntentRuleTests
{
    private const string Ane = "System.ArgumentNullException";

    private const string KeyNotFound = "System.Collections.Generic.KeyNotFoundException";
    private const string KeyMessage = "The given key 'X9' was not present in the dictionary.";
    private const string NullReference = "System.NullReferenceException";
    private const string NullMessage = "Object reference not set to an instance of an object.";

    [Fact]
    public void KeyNotFound_ReturnsDocumentedNullForMissingNumber_ReadsWithDefault()
    {
        var result = RuleCheck.Fixes(new KeyNotFoundRule(), """
            //- src/Orders/OrderBook.cs
            using System.Collections.Generic;

            namespace Orders;

            public sealed class OrderBook
            {
                private readonly Dictionary<string, Order> _orders = new();

                /// <returns>The order, or <see langword="null"/> if no order has that number.</returns>
                public Order? Find(string number)
                {
                    return _orders[number]; // <- throws
                }
            }

            public sealed class Order { }
            """, KeyNotFound, KeyMessage, """
            //- src/Orders/OrderBook.cs
            using System.Collections.Generic;

            namespace Orders;

            public sealed class OrderBook
            {
                private readonly Dictionary<string, Order> _orders = new();

                /// <returns>The order, or <see langword="null"/> if no order has that number.</returns>
                public Order? Find(string number)
                {
                    return _orders.GetValueOrDefault(number);
                }
            }

            public sealed class Order { }
            """);
        Assert.Equal("return `null`", result.Outcome?.Describe());
        Assert.Contains(result.Intent, s => s.KindName == "doc");
    }

    [Fact]
    public void KeyNotFound_DocumentedDomainExceptionTakingTheKey_ThrowsItWithTheKey() => RuleCheck.Fixes(new KeyNotFoundRule(), """
        //- src/Orders/Orders.cs
        using System;
        using System.Collections.Generic;

        namespace Orders;

        public sealed class OrderNotFoundException(string number) : Exception($"No order {number}.");

        public sealed class Orders
        {
            private readonly Dictionary<string, decimal> _totals = new();

            /// <exception cref="OrderNotFoundException">No order has that number.</exception>
            public decimal TotalOf(string number)
            {
                var total = _totals[number]; // <- throws
                return total;
            }
        }
        """, KeyNotFound, KeyMessage, """
        //- src/Orders/Orders.cs
        using System;
        using System.Collections.Generic;

        namespace Orders;

        public sealed class OrderNotFoundException(string number) : Exception($"No order {number}.");

        public sealed class Orders
        {
            private readonly Dictionary<string, decimal> _totals = new();

            /// <exception cref="OrderNotFoundException">No order has that number.</exception>
            public decimal TotalOf(string number)
            {
                if (!_totals.TryGetValue(number, out var total))
                {
                    throw new OrderNotFoundException(number);
                }
                return total;
            }
        }
        """);

    [Fact]
    public void KeyNotFound_DocAndSiblingDefaultDisagree_DeclinesListingBoth()
    {
        var site = RuleFixture.Build("""
            //- src/Tax/Rates.cs
            using System.Collections.Generic;

            namespace Tax;

            public sealed class Rates
            {
                public const decimal StandardRate = 0.2m;

                private readonly Dictionary<string, decimal> _rates = new();

                public decimal Reduced(string country) => _rates.GetValueOrDefault(country, 0m);

                /// <returns>The rate for the country; <see cref="StandardRate"/> when the country has no rate configured.</returns>
                public decimal For(string country) => _rates[country]; // <- throws
            }
            """, KeyNotFound, KeyMessage);
        var result = new KeyNotFoundRule().Apply(site, CancellationToken.None)!;

        Assert.True(result.IsDecline);
        Assert.Contains("more than one way", result.DeclineReason, StringComparison.Ordinal);
        Assert.Equal(["fall back to `StandardRate`", "fall back to `0m`"], result.Candidates.Select(c => c.Outcome!.Describe()).Order().Reverse());
        Assert.All(result.Candidates, c => Assert.NotEmpty(c.Edits));
    }

    [Fact]
    public void KeyNotFound_StockDecrementedForAnUnknownSku_DeclinesRatherThanWritingANegativeEntry() => RuleCheck.Declines(new KeyNotFoundRule(), """
        //- src/Stock/Warehouse.cs
        using System.Collections.Generic;

        namespace Stock;

        public sealed class Warehouse
        {
            private readonly Dictionary<string, int> _onHand = new();

            public void Receive(string sku, int units) => _onHand[sku] = _onHand.GetValueOrDefault(sku) + units;

            public void Reserve(string sku, int units)
            {
                _onHand[sku] -= units; // <- throws
            }
        }
        """, KeyNotFound, KeyMessage, "decreased in place");

    [Fact]
    public void EmptySequence_DocForbidsZeroThatASiblingReturns_Declines() => RuleCheck.Declines(new EmptySequenceRule(), """
        //- src/Shop/Prices.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Shop;

        public sealed class Prices
        {
            private readonly List<decimal> _offers = [];

            public decimal Highest()
            {
                if (_offers.Count == 0)
                {
                    return 0;
                }

                return _offers.Max();
            }

            /// <summary>The lowest offer on sale. Checkout charges exactly this amount, so it must never be 0.</summary>
            public decimal Lowest()
            {
                return _offers.Min(); // <- throws
            }
        }
        """, "System.InvalidOperationException", "Sequence contains no elements", "too thin");

    [Fact]
    public void EmptySequence_VisibleTestAssertsZeroForNoReviews_GuardsWithIt() => RuleCheck.Fixes(new EmptySequenceRule(), """
        //- src/Reviews/Ratings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Reviews;

        public sealed class Ratings
        {
            private readonly List<int> _stars = [];

            public void Add(int stars) => _stars.Add(stars);

            public double Average()
            {
                return _stars.Average(); // <- throws
            }
        }

        //- tests/Reviews.Tests/RatingsTests.cs
        using Reviews;
        using Xunit;

        public class RatingsTests
        {
            [Fact]
            public void Average_NoReviewsYet_IsZero() => Assert.Equal(0, new Ratings().Average());
        }
        """, "System.InvalidOperationException", "Sequence contains no elements", """
        //- src/Reviews/Ratings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Reviews;

        public sealed class Ratings
        {
            private readonly List<int> _stars = [];

            public void Add(int stars) => _stars.Add(stars);

            public double Average()
            {
                if (_stars.Count == 0)
                {
                    return 0;
                }
                return _stars.Average();
            }
        }
        """);

    [Fact]
    public void ArgumentNull_VisibleTestWhoseOutcomeWordSoundsLikeTheCondition_IsNoEvidenceForIt() => RuleCheck.Declines(new ArgumentNullRule(), """
        //- src/Vendors/Onboarding.cs
        using System.Collections.Generic;
        using System.Text.RegularExpressions;

        namespace Vendors;

        public static partial class Onboarding
        {
            [GeneratedRegex(@"^[A-Z]{2}[0-9]{8,12}$")]
            private static partial Regex VatPattern();

            public static IReadOnlyList<string> Issues(Vendor vendor)
            {
                var issues = new List<string>();
                if (vendor.Name.Length == 0)
                    issues.Add("no name");
                if (!VatPattern().IsMatch(vendor.VatNumber)) // <- throws
                    issues.Add("VAT number looks wrong");
                return issues;
            }
        }

        public sealed record Vendor(string Name, string? VatNumber);

        //- tests/Vendors.Tests/OnboardingTests.cs
        using Vendors;
        using Xunit;

        public class OnboardingTests
        {
            // "None" is the expected result of a complete vendor, not a missing VAT number: no evidence for `return []` when it is null.
            [Fact]
            public void Issues_CompleteVendor_None() => Assert.Empty(Onboarding.Issues(new Vendor("Acme", "GB123456789")));
        }
        """, Ane, "Value cannot be null. (Parameter 'input')", "cannot be inferred");

    [Fact]
    public void ArgumentNull_DocumentedEmptyResultAfterTheMethodGatheredSome_DeclinesRatherThanDropThem() => RuleCheck.Declines(new ArgumentNullRule(), """
        //- src/Permits/Review.cs
        using System.Collections.Generic;
        using System.Text.RegularExpressions;

        namespace Permits;

        public static class Review
        {
            /// <summary>What stops a parking permit from being issued.</summary>
            public static List<string> Objections(Application application)
            {
                var objections = new List<string>();
                if (application.Zone < 1)
                    objections.Add("unknown zone");
                if (!Regex.IsMatch(application.Plate, "^[A-Z0-9 ]{2,8}$")) // <- throws
                    objections.Add("plate looks wrong");
                return objections;
            }
        }

        public sealed record Application(int Zone, string? Plate);

        //- tests/Permits.Tests/ReviewTests.cs
        using Permits;
        using Xunit;

        public class ReviewTests
        {
            // Says the result for a missing plate in a valid zone; an early `return []` would also hide the zone objection.
            [Fact]
            public void Objections_MissingPlate_None() => Assert.Empty(Review.Objections(new Application(3, null)));
        }
        """, Ane, "Value cannot be null. (Parameter 'input')", "already gathered");

    [Theory]
    [InlineData("Issues_CompleteVendor_None", "CompleteVendor")]
    [InlineData("Find_MissingId_ReturnsNull", "MissingId")]
    [InlineData("Average_NoReviewsYet_IsZero", "NoReviewsYet")]
    [InlineData("ReturnsNullWhenTheIdIsMissing", "ReturnsNullWhenTheIdIsMissing")]
    [InlineData("Parse_Returns_Null_When_Missing", "Parse_Returns_Null_When_Missing")]
    public void TestIntent_ConditionPart_IsTheMiddleOfMethodCaseOutcomeElseTheWholeName(string name, string part) =>
        Assert.Equal(part, Heal.Repair.Analysis.TestIntent.ConditionPart(name));

    [Fact]
    public void DivideByZero_ReturnsDocumentsZeroWhenNothingSold_GuardsTheDivisor() => RuleCheck.Fixes(new DivideByZeroRule(), """
        //- src/Sales/Share.cs
        namespace Sales;

        public static class Share
        {
            /// <returns>The percentage of units sold online, or <c>0</c> when nothing was sold.</returns>
            public static int OnlinePercent(int online, int total)
            {
                var percent = online * 100 / total; // <- throws
                return percent;
            }
        }
        """, "System.DivideByZeroException", "Attempted to divide by zero.", """
        //- src/Sales/Share.cs
        namespace Sales;

        public static class Share
        {
            /// <returns>The percentage of units sold online, or <c>0</c> when nothing was sold.</returns>
            public static int OnlinePercent(int online, int total)
            {
                if (total == 0)
                {
                    return 0;
                }
                var percent = online * 100 / total;
                return percent;
            }
        }
        """);

    [Fact]
    public void IndexRange_SummaryNamesTheConstantForAnEmptyRoute_GuardsWithIt() => RuleCheck.Fixes(new IndexRangeRule(), """
        //- src/Fleet/Sheet.cs
        using System.Collections.Generic;

        namespace Fleet;

        public sealed class Sheet
        {
            public const string Nowhere = "-";

            /// <summary>The first postcode of the route, or <see cref="Nowhere"/> for a route without stops.</summary>
            public string FirstPostcode(List<string> stops)
            {
                var first = stops[0]; // <- throws
                return first.ToUpperInvariant();
            }
        }
        """, "System.ArgumentOutOfRangeException", "Index was out of range.", """
        //- src/Fleet/Sheet.cs
        using System.Collections.Generic;

        namespace Fleet;

        public sealed class Sheet
        {
            public const string Nowhere = "-";

            /// <summary>The first postcode of the route, or <see cref="Nowhere"/> for a route without stops.</summary>
            public string FirstPostcode(List<string> stops)
            {
                if (stops.Count == 0)
                {
                    return Nowhere;
                }
                var first = stops[0];
                return first.ToUpperInvariant();
            }
        }
        """);

    [Fact]
    public void NullReference_MethodDocumentsNullForNoAddress_GuardsAndReturnsNull() => RuleCheck.Fixes(new NullReferenceRule(), """
        //- src/Crm/Addresses.cs
        namespace Crm;

        public sealed class Address
        {
            public string City { get; set; } = "";
        }

        public sealed class Customer
        {
            public Address? Address { get; set; }
        }

        public static class Addresses
        {
            /// <summary>The customer's city. Returns <see langword="null"/> when the customer has no address on file.</summary>
            public static string? CityOf(Customer customer)
            {
                return customer.Address.City; // <- throws
            }
        }
        """, NullReference, NullMessage, """
        //- src/Crm/Addresses.cs
        namespace Crm;

        public sealed class Address
        {
            public string City { get; set; } = "";
        }

        public sealed class Customer
        {
            public Address? Address { get; set; }
        }

        public static class Addresses
        {
            /// <summary>The customer's city. Returns <see langword="null"/> when the customer has no address on file.</summary>
            public static string? CityOf(Customer customer)
            {
                if (customer.Address is null)
                {
                    return null;
                }

                return customer.Address.City;
            }
        }
        """);

    [Fact]
    public void NullReference_DocSaysItemsWithoutTheValueAreSkipped_ContinuesTheLoop() => RuleCheck.Fixes(new NullReferenceRule(), """
        //- src/Stock/Importer.cs
        using System.Collections.Generic;

        namespace Stock;

        public sealed record Line(string? Sku, int Quantity);

        public sealed class Importer
        {
            private readonly Dictionary<string, int> _counts = new();

            /// <summary>Adds the lines' quantities to the counts. Lines without a SKU are skipped.</summary>
            public void Import(IEnumerable<Line> lines)
            {
                foreach (var line in lines)
                {
                    var sku = line.Sku.Trim(); // <- throws
                    _counts[sku] = _counts.GetValueOrDefault(sku) + line.Quantity;
                }
            }
        }
        """, NullReference, NullMessage, """
        //- src/Stock/Importer.cs
        using System.Collections.Generic;

        namespace Stock;

        public sealed record Line(string? Sku, int Quantity);

        public sealed class Importer
        {
            private readonly Dictionary<string, int> _counts = new();

            /// <summary>Adds the lines' quantities to the counts. Lines without a SKU are skipped.</summary>
            public void Import(IEnumerable<Line> lines)
            {
                foreach (var line in lines)
                {
                    if (line.Sku is null)
                    {
                        continue;
                    }

                    var sku = line.Sku.Trim();
                    _counts[sku] = _counts.GetValueOrDefault(sku) + line.Quantity;
                }
            }
        }
        """);

    [Fact]
    public void NullReference_RequiredMemberDocumentedNeverNull_DeclinesAsAnUpstreamBug() => RuleCheck.Declines(new NullReferenceRule(), """
        //- src/Payments/Payment.cs
        namespace Payments;

        public sealed class Payment
        {
            /// <summary>The payer's e-mail address; never null.</summary>
            public required string Email { get; init; }

            public string NormalizedEmail() => Email.ToLowerInvariant(); // <- throws
        }
        """, NullReference, NullMessage, "must be present");

    [Fact]
    public void NullReference_DocSaysNullButTestSaysThrow_DeclinesWithBothCandidates()
    {
        var site = RuleFixture.Build("""
            //- src/Crm/Addresses.cs
            using System;

            namespace Crm;

            public sealed class NoAddressException() : Exception("No address.");

            public sealed class Address
            {
                public string City { get; set; } = "";
            }

            public sealed class Customer
            {
                public Address? Address { get; set; }
            }

            public static class Addresses
            {
                /// <summary>The customer's city, or <see langword="null"/> when the customer has no address on file.</summary>
                public static string? CityOf(Customer customer)
                {
                    return customer.Address.City; // <- throws
                }
            }

            //- tests/Crm.Tests/AddressesTests.cs
            using Crm;
            using Xunit;

            public class AddressesTests
            {
                [Fact]
                public void CityOf_CustomerWithoutAddress_Throws() =>
                    Assert.Throws<NoAddressException>(() => Addresses.CityOf(new Customer()));
            }
            """, NullReference, NullMessage);
        var result = new NullReferenceRule().Apply(site, CancellationToken.None)!;

        Assert.True(result.IsDecline, result.RootCause);
        Assert.Contains("more than one way", result.DeclineReason, StringComparison.Ordinal);
        Assert.Equal(["return `null`", "throw NoAddressException"], result.Candidates.Select(c => c.Outcome!.Describe()).Order());
    }

    [Fact]
    public void KeyNotFound_PredicateDocumentedFalseOtherwise_ReadsWithFalse() => RuleCheck.Fixes(new KeyNotFoundRule(), """
        //- src/Auth/Roles.cs
        using System.Collections.Generic;

        namespace Auth;

        public sealed class Roles
        {
            private readonly Dictionary<string, bool> _admins = new();

            /// <returns><see langword="true"/> if the user is an administrator; otherwise, <see langword="false"/>.</returns>
            public bool IsAdmin(string user)
            {
                return _admins[user]; // <- throws
            }
        }
        """, KeyNotFound, KeyMessage, """
        //- src/Auth/Roles.cs
        using System.Collections.Generic;

        namespace Auth;

        public sealed class Roles
        {
            private readonly Dictionary<string, bool> _admins = new();

            /// <returns><see langword="true"/> if the user is an administrator; otherwise, <see langword="false"/>.</returns>
            public bool IsAdmin(string user)
            {
                return _admins.GetValueOrDefault(user, false);
            }
        }
        """);

    [Fact]
    public void NullReference_MemberDocumentsTheValueUsedWhenUnset_SubstitutesIt() => RuleCheck.Fixes(new NullReferenceRule(), """
        //- src/Users/Locales.cs
        namespace Users;

        public sealed class Profile
        {
            /// <summary>The user's locale. When it is not set, <c>"en"</c> is used.</summary>
            public string? Locale { get; set; }
        }

        public static class Locales
        {
            public static string Language(Profile profile) => profile.Locale.Split('-')[0]; // <- throws
        }
        """, NullReference, NullMessage, """
        //- src/Users/Locales.cs
        namespace Users;

        public sealed class Profile
        {
            /// <summary>The user's locale. When it is not set, <c>"en"</c> is used.</summary>
            public string? Locale { get; set; }
        }

        public static class Locales
        {
            public static string Language(Profile profile) => (profile.Locale ?? "en").Split('-')[0];
        }
        """);
}
