using Heal.Repair.Analysis;

namespace Heal.Repair.Tests.Analysis;

/// <summary>What XML documentation says about a failing case, read from its structure and its sentences.</summary>
public sealed class DocIntentTests
{
    private const string KeyNotFound = "System.Collections.Generic.KeyNotFoundException";

    [Fact]
    public void Collect_ReturnsElementNamesNullLangwordForMissingKey_NamesReturnNull() => IntentCheck.Says("""
        //- src/Orders/OrderBook.cs
        using System.Collections.Generic;

        namespace Orders;

        public sealed class OrderBook
        {
            private readonly Dictionary<string, Order> _orders = new();

            /// <summary>Finds an order by its number.</summary>
            /// <returns>The order, or <see langword="null"/> if no order has that number.</returns>
            public Order? Find(string number)
            {
                return _orders[number]; // <- throws
            }
        }

        public sealed class Order { }
        """, FailureCondition.AbsentKey, "_orders[number]", """
        doc Names: return `null` @10
        nullable Names: return `null` @11
        """, KeyNotFound);

    [Fact]
    public void Collect_SummarySaysReturnsNullInPlainWords_NamesReturnNull() => IntentCheck.Says("""
        //- src/Crm/Customers.cs
        using System.Collections.Generic;

        namespace Crm;

        public sealed class Customers
        {
            private readonly Dictionary<int, string> _names = new();

            /// <summary>
            /// The customer's display name. Returns null when the customer is unknown.
            /// </summary>
            public string NameOf(int id)
            {
                var name = _names[id]; // <- throws
                return name.Trim();
            }
        }
        """, FailureCondition.AbsentKey, "_names[id]", """
        doc Names: return `null` @10
        """, KeyNotFound);

    [Fact]
    public void Collect_NegatedConditionBeforeTheValue_StillNamesTheValue() => IntentCheck.Says("""
        //- src/Crm/Accounts.cs
        using System.Collections.Generic;

        namespace Crm;

        public sealed class Accounts
        {
            private readonly Dictionary<string, Account> _byEmail = new();

            /// <summary>If the account does not exist, returns <see langword="null"/>.</summary>
            public Account? ByEmail(string email) => _byEmail[email]; // <- throws
        }

        public sealed class Account { }
        """, FailureCondition.AbsentKey, "_byEmail[email]", """
        doc Names: return `null` @9
        nullable Names: return `null` @10
        """, KeyNotFound);

    [Fact]
    public void Collect_CrefToConstantAfterSemicolon_NamesReturnOfThatConstant() => IntentCheck.Says("""
        //- src/Tax/Rates.cs
        using System.Collections.Generic;

        namespace Tax;

        public sealed class Rates
        {
            public const decimal StandardRate = 0.2m;

            private readonly Dictionary<string, decimal> _byCountry = new();

            /// <returns>The rate for the country; <see cref="StandardRate"/> when the country has no rate configured.</returns>
            public decimal For(string country)
            {
                return _byCountry[country]; // <- throws
            }
        }
        """, FailureCondition.AbsentKey, "_byCountry[country]", """
        doc Names: return `StandardRate` @11
        """, KeyNotFound);

    [Fact]
    public void Collect_CodeElementInRemarksForEmptySequence_NamesReturnZero() => IntentCheck.Says("""
        //- src/Sales/Stats.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Sales;

        public static class Stats
        {
            /// <summary>The mean order value.</summary>
            /// <remarks>Yields <c>0</c> when there are no orders in the period.</remarks>
            public static decimal MeanOrder(IReadOnlyList<decimal> totals)
            {
                var mean = totals.Average(); // <- throws
                return decimal.Round(mean, 2);
            }
        }
        """, FailureCondition.EmptySequence, "totals.Average()", """
        doc Names: return `0` @9
        """);

    [Fact]
    public void Collect_DictionaryFieldDocumentsItsDefault_NamesSubstitutionAndTheNamedConstant() => IntentCheck.Says("""
        //- src/Helpdesk/Sla.cs
        using System;
        using System.Collections.Generic;

        namespace Helpdesk;

        public sealed class Sla
        {
            public static readonly TimeSpan DefaultResolution = TimeSpan.FromDays(3);

            /// <summary>Resolution targets by priority. Priorities without a contracted target use <see cref="DefaultResolution"/>.</summary>
            private readonly Dictionary<string, TimeSpan> _resolution = new();

            public DateTimeOffset Due(DateTimeOffset opened, string priority) => opened + _resolution[priority]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_resolution[priority]", """
        doc Names: fall back to `DefaultResolution` @10
        constant Names: fall back to `DefaultResolution` @8
        """, KeyNotFound);

    [Fact]
    public void Collect_ExceptionElementForTheCondition_NamesTheDomainException() => IntentCheck.Says("""
        //- src/Orders/Orders.cs
        using System;
        using System.Collections.Generic;

        namespace Orders;

        public sealed class OrderNotFoundException(string number) : Exception($"No order {number}.");

        public sealed class Orders
        {
            private readonly Dictionary<string, decimal> _totals = new();

            /// <summary>The order's total.</summary>
            /// <exception cref="OrderNotFoundException">No order has that number.</exception>
            public decimal TotalOf(string number)
            {
                var total = _totals[number]; // <- throws
                return total;
            }
        }
        """, FailureCondition.AbsentKey, "_totals[number]", """
        doc Names: throw OrderNotFoundException @13
        """, KeyNotFound);

    [Fact]
    public void Collect_ExceptionElementOfTheCrashType_SaysTheFailureIsIntended() => IntentCheck.Says("""
        //- src/Customs/Codes.cs
        using System.Collections.Generic;

        namespace Customs;

        public sealed class Codes
        {
            private readonly Dictionary<string, string> _chapters = new();

            /// <exception cref="KeyNotFoundException">The code is unknown to the tariff.</exception>
            public string ChapterOf(string code) => _chapters[code]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_chapters[code]", """
        doc Intended: let the KeyNotFoundException surface @9
        """, KeyNotFound);

    [Fact]
    public void Collect_TypeCallsTheMissingCaseAnError_SaysTheFailureIsIntended() => IntentCheck.Says("""
        //- src/Customs/Duties.cs
        using System.Collections.Generic;

        namespace Customs;

        /// <summary>Duty rates by commodity code. A missing code is an error in the tariff file and must stop the declaration.</summary>
        public sealed class Duties
        {
            private readonly Dictionary<string, decimal> _duties = new();

            public decimal DutyFor(string code) => _duties[code]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_duties[code]", """
        doc Intended: let the error surface @5
        """, KeyNotFound);

    [Fact]
    public void Collect_DocSaysTheResultMustNeverBeZero_ForbidsReturningZero() => IntentCheck.Says("""
        //- src/Shop/Prices.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Shop;

        public sealed class Prices
        {
            private readonly List<decimal> _offers = [];

            /// <summary>
            /// The lowest offer still on sale. Checkout charges exactly this amount, so it must never be 0.
            /// </summary>
            public decimal Lowest() => _offers.Min(); // <- throws
        }
        """, FailureCondition.EmptySequence, "_offers.Min()", """
        doc Forbids: not return `0` @11
        """);

    [Fact]
    public void Collect_DocSaysItemsWithoutTheValueAreSkipped_NamesSkip() => IntentCheck.Says("""
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
        """, FailureCondition.Null, "line.Sku", """
        doc Names: skip the item @11
        nullable Optional: the value may be absent @5
        """, "System.NullReferenceException");

    [Fact]
    public void Collect_ParameterDocumentedAsNullForNone_SaysOptionalWithoutAnOutcome() => IntentCheck.Says("""
        //- src/Billing/Invoices.cs
        namespace Billing;

        public sealed record Discount(decimal Rate);

        public static class Invoices
        {
            /// <param name="net">The net amount.</param>
            /// <param name="discount">The customer's discount, or <see langword="null"/> when the customer has none.</param>
            public static decimal Total(decimal net, Discount? discount)
            {
                return net * (1 - discount.Rate); // <- throws
            }
        }
        """, FailureCondition.Null, "discount", """
        doc Optional: the value may be absent @8
        nullable Optional: the value may be absent @9
        """, "System.NullReferenceException");

    [Fact]
    public void Collect_RequiredMemberDocumentedNeverNull_SaysItMustBePresent() => IntentCheck.Says("""
        //- src/Payments/Receipt.cs
        namespace Payments;

        public sealed class Payment
        {
            /// <summary>The payer's e-mail address; never null.</summary>
            public required string Email { get; init; }
        }

        public static class Receipts
        {
            public static string To(Payment payment) => payment.Email.ToLowerInvariant(); // <- throws
        }
        """, FailureCondition.Null, "payment.Email", """
        doc Required: the value must be present @5
        required Required: the value must be present @6
        """, "System.NullReferenceException");

    [Fact]
    public void Collect_ArgumentNullExceptionDocumentedForTheParameter_NamesFixingTheCaller() => IntentCheck.Says("""
        //- src/Orders/Totals.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Orders;

        public sealed record Order(List<decimal> Lines);

        public static class Totals
        {
            /// <summary>The sum of the order's lines.</summary>
            /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
            public static decimal Of(Order order) => order.Lines.Sum(); // <- throws
        }
        """, FailureCondition.Null, "order", """
        doc Names: fix the caller that passes the value @12
        """, "System.NullReferenceException");

    [Fact]
    public void Collect_DocumentationUnrelatedToTheCondition_SaysNothing() => IntentCheck.Says("""
        //- src/Billing/Totals.cs
        using System.Collections.Generic;

        namespace Billing;

        /// <summary>Computes invoice totals for the billing run.</summary>
        public sealed class Totals
        {
            private readonly Dictionary<string, decimal> _vat = new();

            /// <summary>The gross amount for a net amount in a country.</summary>
            /// <returns>The net amount plus VAT.</returns>
            public decimal Gross(decimal net, string country) => net * (1 + _vat[country]); // <- throws
        }
        """, FailureCondition.AbsentKey, "_vat[country]", "", KeyNotFound);

    [Fact]
    public void Collect_TwoValuesInOneSentence_NamesNeither() => IntentCheck.Says("""
        //- src/Tax/Rates.cs
        using System.Collections.Generic;

        namespace Tax;

        public sealed class Rates
        {
            public const decimal Standard = 0.2m;
            public const decimal Reduced = 0.1m;

            private readonly Dictionary<string, decimal> _rates = new();

            /// <returns>The rate; <see cref="Standard"/> or <see cref="Reduced"/> when the country has no rate configured.</returns>
            public decimal For(string country) => _rates[country]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_rates[country]", "", KeyNotFound);

    [Fact]
    public void Collect_NullIsTheConditionNotTheResult_NamesNothing() => IntentCheck.Says("""
        //- src/Tax/Rates.cs
        using System.Collections.Generic;

        namespace Tax;

        public sealed class Rates
        {
            private readonly Dictionary<string, decimal> _rates = new();

            /// <summary>The rate of a country. When the country is unknown or <paramref name="country"/> is <see langword="null"/>, the caller is told.</summary>
            public decimal For(string country) => _rates[country]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_rates[country]", "", KeyNotFound);

    [Fact]
    public void Collect_TrueIfFoundOtherwiseFalse_NamesReturnFalse() => IntentCheck.Says("""
        //- src/Auth/Roles.cs
        using System.Collections.Generic;

        namespace Auth;

        public sealed class Roles
        {
            private readonly Dictionary<string, bool> _admins = new();

            /// <returns><see langword="true"/> if the user is an administrator; otherwise, <see langword="false"/>.</returns>
            public bool IsAdmin(string user) => _admins[user]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_admins[user]", """
        doc Names: return `false` @9
        """, KeyNotFound);

    [Fact]
    public void Collect_ReturnsAnEmptyListInPlainWords_NamesReturnEmpty() => IntentCheck.Says("""
        //- src/Shop/History.cs
        using System.Collections.Generic;

        namespace Shop;

        public sealed class History
        {
            private readonly Dictionary<int, List<string>> _orders = new();

            /// <returns>The customer's order numbers, or an empty list when the customer has no orders.</returns>
            public IReadOnlyList<string> OrdersOf(int customer) => _orders[customer]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_orders[customer]", """
        doc Names: return `empty` @9
        """, KeyNotFound);

    [Fact]
    public void Collect_CodeLiteralIsUsedWhenMissing_NamesSubstitution() => IntentCheck.Says("""
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
        """, FailureCondition.Null, "profile.Locale", """
        doc Names: fall back to `"en"` @5
        nullable Optional: the value may be absent @6
        """, "System.NullReferenceException");

    [Fact]
    public void Collect_UnknownItemsAreIgnored_NamesSkip() => IntentCheck.Says("""
        //- src/Shop/Basket.cs
        using System.Collections.Generic;

        namespace Shop;

        public sealed class Basket
        {
            private readonly Dictionary<string, decimal> _prices = new();

            /// <summary>The sum of the listed products' prices. Unknown products are ignored.</summary>
            public decimal Sum(IEnumerable<string> skus)
            {
                var sum = 0m;
                foreach (var sku in skus)
                {
                    sum += _prices[sku]; // <- throws
                }

                return sum;
            }
        }
        """, FailureCondition.AbsentKey, "_prices[sku]", """
        doc Names: skip the item @9
        """, KeyNotFound);

    [Fact]
    public void Collect_CrefToAnEnumMember_NamesItQualified() => IntentCheck.Says("""
        //- src/Helpdesk/Routing.cs
        using System.Collections.Generic;

        namespace Helpdesk;

        public enum Priority { Low, Normal, High }

        public sealed class Routing
        {
            private readonly Dictionary<string, Priority> _byQueue = new();

            /// <returns>The queue's priority, or <see cref="Priority.Normal"/> for a queue that is not configured.</returns>
            public Priority PriorityOf(string queue) => _byQueue[queue]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_byQueue[queue]", """
        doc Names: return `Priority.Normal` @11
        """, KeyNotFound);

    [Fact]
    public void Collect_SentenceCallsTheMissingCaseAnErrorAndRulesOutADefault_SaysIntendedNotTheDefault() => IntentCheck.Says("""
        //- src/Payroll/Grades.cs
        using System.Collections.Generic;

        namespace Payroll;

        public sealed class Grades
        {
            private readonly Dictionary<string, decimal> _salaries = new();

            /// <summary>
            /// The monthly salary of a grade. A grade without a salary is a configuration error: paying 0 or a guessed amount
            /// would be wrong, so the payroll run must stop until it is fixed.
            /// </summary>
            public decimal SalaryOf(string grade) => _salaries[grade]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_salaries[grade]", """
        doc Intended: let the error surface @10
        """, KeyNotFound);
}
