using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class LibraryArgumentRuleTests
{
    private static readonly LibraryArgumentRule Rule = new();

    private const string OutOfRange = "System.ArgumentOutOfRangeException";

    private const string Unrepresentable = "Year, Month, and Day parameters describe an un-representable DateTime.";

    [Fact]
    public void Apply_FirstOfNextMonthFromParts_UsesAddMonths() => RuleCheck.Fixes(Rule,
        """
        //- src/Billing/Cycle.cs
        using System;

        namespace Billing;

        public static class Cycle
        {
            public static DateTime NextInvoice(DateTime today) => new DateTime(today.Year, today.Month + 1, 1); // <- throws
        }
        """, OutOfRange, Unrepresentable,
        """
        //- src/Billing/Cycle.cs
        using System;

        namespace Billing;

        public static class Cycle
        {
            public static DateTime NextInvoice(DateTime today) => new DateTime(today.Year, today.Month, 1).AddMonths(1);
        }
        """);

    [Fact]
    public void Apply_SameDayNextMonthOfADateOnly_UsesAddMonths() => RuleCheck.Fixes(Rule,
        """
        //- src/Gym/Membership.cs
        using System;

        namespace Gym;

        public sealed class Membership(DateOnly started)
        {
            public DateOnly Renewal(int months)
            {
                var renewal = new DateOnly(started.Year, started.Month + months, started.Day); // <- throws
                return renewal;
            }
        }
        """, OutOfRange, Unrepresentable,
        """
        //- src/Gym/Membership.cs
        using System;

        namespace Gym;

        public sealed class Membership(DateOnly started)
        {
            public DateOnly Renewal(int months)
            {
                var renewal = started.AddMonths(months);
                return renewal;
            }
        }
        """);

    [Fact]
    public void Apply_SameDayNextYear_UsesAddYearsAndDropsTheTime() => RuleCheck.Fixes(Rule,
        """
        //- src/Hr/Anniversary.cs
        using System;

        namespace Hr;

        public static class Anniversary
        {
            public static DateTime Next(DateTime hired) => new DateTime(hired.Year + 1, hired.Month, hired.Day); // <- throws
        }
        """, OutOfRange, Unrepresentable,
        """
        //- src/Hr/Anniversary.cs
        using System;

        namespace Hr;

        public static class Anniversary
        {
            public static DateTime Next(DateTime hired) => hired.Date.AddYears(1);
        }
        """);

    [Fact]
    public void Apply_PaddingComputedAsADifference_ClampsAtZero() => RuleCheck.Fixes(Rule,
        """
        //- src/Receipts/Columns.cs
        namespace Receipts;

        public static class Columns
        {
            public static string Line(string label, string amount, int width)
            {
                var gap = new string(' ', width - label.Length - amount.Length); // <- throws
                return label + gap + amount;
            }
        }
        """, OutOfRange, "Count cannot be less than zero. (Parameter 'count')",
        """
        //- src/Receipts/Columns.cs
        namespace Receipts;

        public static class Columns
        {
            public static string Line(string label, string amount, int width)
            {
                var gap = new string(' ', System.Math.Max(0, width - label.Length - amount.Length));
                return label + gap + amount;
            }
        }
        """);

    [Fact]
    public void Apply_WaitUntilAMomentThatPassed_WaitsZero() => RuleCheck.Fixes(Rule,
        """
        //- src/Jobs/Scheduler.cs
        using System;
        using System.Threading.Tasks;

        namespace Jobs;

        public sealed class Scheduler
        {
            public async Task RunAt(DateTimeOffset due, Func<Task> job)
            {
                var wait = due - DateTimeOffset.UtcNow;
                await Task.Delay(wait); // <- throws
                await job();
            }
        }
        """, OutOfRange, "The value needs to translate in milliseconds to -1 (signifying an infinite timeout), 0, or a positive integer less than or equal to the maximum allowed timer duration. (Parameter 'delay')",
        """
        //- src/Jobs/Scheduler.cs
        using System;
        using System.Threading.Tasks;

        namespace Jobs;

        public sealed class Scheduler
        {
            public async Task RunAt(DateTimeOffset due, Func<Task> job)
            {
                var wait = due - DateTimeOffset.UtcNow;
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                await job();
            }
        }
        """);

    [Fact]
    public void Apply_DictionaryTheTypeOverwritesElsewhere_OverwritesHereToo() => RuleCheck.Fixes(Rule,
        """
        //- src/Catalog/PriceBook.cs
        using System.Collections.Generic;

        namespace Catalog;

        public sealed class PriceBook
        {
            private readonly Dictionary<string, decimal> _prices = [];

            public void Set(string sku, decimal price) => _prices[sku] = price;

            public void Load(IEnumerable<(string Sku, decimal Price)> rows)
            {
                foreach (var (sku, price) in rows)
                {
                    _prices.Add(sku, price); // <- throws
                }
            }
        }
        """, "System.ArgumentException", "An item with the same key has already been added. Key: SKU-1",
        """
        //- src/Catalog/PriceBook.cs
        using System.Collections.Generic;

        namespace Catalog;

        public sealed class PriceBook
        {
            private readonly Dictionary<string, decimal> _prices = [];

            public void Set(string sku, decimal price) => _prices[sku] = price;

            public void Load(IEnumerable<(string Sku, decimal Price)> rows)
            {
                foreach (var (sku, price) in rows)
                {
                    _prices[sku] = price;
                }
            }
        }
        """);

    [Fact]
    public void Apply_UnknownEnumText_TakesTheMethodsInvalidInputPath() => RuleCheck.Fixes(Rule,
        """
        //- src/Support/TicketService.cs
        using System;

        namespace Support;

        public sealed class TicketService
        {
            public Ticket? Open(string title, string priorityName)
            {
                if (string.IsNullOrWhiteSpace(title))
                {
                    return null;
                }

                var priority = Enum.Parse<Priority>(priorityName); // <- throws
                return new Ticket(title, priority);
            }
        }

        public enum Priority
        {
            Low,
            High,
        }

        public sealed record Ticket(string Title, Priority Priority);
        """, "System.ArgumentException", "Requested value 'Urgent' was not found.",
        """
        //- src/Support/TicketService.cs
        using System;

        namespace Support;

        public sealed class TicketService
        {
            public Ticket? Open(string title, string priorityName)
            {
                if (string.IsNullOrWhiteSpace(title))
                {
                    return null;
                }

                if (!Enum.TryParse<Priority>(priorityName, out var priority))
                {
                    return null;
                }
                return new Ticket(title, priority);
            }
        }

        public enum Priority
        {
            Low,
            High,
        }

        public sealed record Ticket(string Title, Priority Priority);
        """);

    [Fact]
    public void Apply_DictionaryWithNoOtherWrite_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Catalog/PriceBook.cs
        using System.Collections.Generic;

        namespace Catalog;

        public sealed class PriceBook
        {
            private readonly Dictionary<string, decimal> _prices = [];

            public void Load(IEnumerable<(string Sku, decimal Price)> rows)
            {
                foreach (var (sku, price) in rows)
                {
                    _prices.Add(sku, price); // <- throws
                }
            }
        }
        """, "System.ArgumentException", "An item with the same key has already been added. Key: SKU-1", "replace the first entry, keep it, or be rejected");

    [Fact]
    public void Apply_DictionaryBothOverwrittenAndKept_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Catalog/PriceBook.cs
        using System.Collections.Generic;

        namespace Catalog;

        public sealed class PriceBook
        {
            private readonly Dictionary<string, decimal> _prices = [];

            public void Set(string sku, decimal price) => _prices[sku] = price;

            public void Offer(string sku, decimal price) => _prices.TryAdd(sku, price);

            public void Load(IEnumerable<(string Sku, decimal Price)> rows)
            {
                foreach (var (sku, price) in rows)
                {
                    _prices.Add(sku, price); // <- throws
                }
            }
        }
        """, "System.ArgumentException", "An item with the same key has already been added. Key: SKU-1", "both replaces");

    [Fact]
    public void Apply_DayFromElsewhere_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Billing/Cycle.cs
        using System;

        namespace Billing;

        public static class Cycle
        {
            public static DateTime Due(DateTime month, int billingDay) => new DateTime(month.Year, month.Month, billingDay); // <- throws
        }
        """, OutOfRange, Unrepresentable);

    [Fact]
    public void Apply_CountThatIsNotADifference_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Receipts/Columns.cs
        namespace Receipts;

        public static class Columns
        {
            public static string Rule(int width) => new string('-', width); // <- throws
        }
        """, OutOfRange, "Count cannot be less than zero. (Parameter 'count')");
}
