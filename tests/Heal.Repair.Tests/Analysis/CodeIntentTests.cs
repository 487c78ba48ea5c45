using Heal.Repair.Analysis;

namespace Heal.Repair.Tests.Analysis;

/// <summary>What visible tests, callers, declarations and the method's own exits say about a failing case.</summary>
public sealed class CodeIntentTests
{
    private const string KeyNotFound = "System.Collections.Generic.KeyNotFoundException";

    private const string Book = """
        //- src/Orders/OrderBook.cs
        using System.Collections.Generic;

        namespace Orders;

        public sealed class OrderBook
        {
            private readonly Dictionary<string, Order> _orders = new();

            public void Add(Order order) => _orders[order.Number] = order;

            public Order Find(string number)
            {
                return _orders[number]; // <- throws
            }
        }

        public sealed record Order(string Number);
        """;

    [Fact]
    public void Collect_XunitEdgeCaseTestAssertsNull_NamesReturnNull() => IntentCheck.Says(Book + """

        //- tests/Orders.Tests/OrderBookTests.cs
        using Orders;
        using Xunit;

        public class OrderBookTests
        {
            [Fact]
            public void Find_KnownNumber_ReturnsTheOrder()
            {
                var book = new OrderBook();
                book.Add(new Order("A1"));
                Assert.Equal("A1", book.Find("A1").Number);
            }

            [Fact]
            public void Find_UnknownNumber_ReturnsNull()
            {
                var book = new OrderBook();
                var found = book.Find("nope");
                Assert.Null(found);
            }
        }
        """, FailureCondition.AbsentKey, "_orders[number]", """
        test Names: return `null` @19
        """, KeyNotFound);

    [Fact]
    public void Collect_NUnitAndFluentEdgeCaseTests_NameTheirAssertedValues() => IntentCheck.Says("""
        //- src/Reviews/Ratings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Reviews;

        public sealed class Ratings
        {
            public const double NoRating = 0;

            private readonly List<int> _stars = [];

            public double Average() => _stars.Average(); // <- throws
        }

        //- tests/Reviews.Tests/RatingsTests.cs
        using NUnit.Framework;
        using Reviews;

        public class RatingsTests
        {
            [Test]
            public void Average_NoReviews_IsNoRating()
            {
                Assert.That(new Ratings().Average(), Is.EqualTo(Ratings.NoRating));
            }

            [Test]
            public void Average_EmptyList_IsZero()
            {
                new Ratings().Average().Should().Be(0);
            }
        }
        """, FailureCondition.EmptySequence, "_stars.Average()", """
        test Names: return `NoRating` @9
        test Names: return `0` @15
        """);

    [Fact]
    public void Collect_TestAssertsTheCrashExceptionForTheCase_SaysTheFailureIsIntended() => IntentCheck.Says(Book + """

        //- tests/Orders.Tests/OrderBookTests.cs
        using System.Collections.Generic;
        using Orders;
        using Xunit;

        public class OrderBookTests
        {
            [Fact]
            public void Find_MissingNumber_Throws() =>
                Assert.Throws<KeyNotFoundException>(() => new OrderBook().Find("nope"));
        }
        """, FailureCondition.AbsentKey, "_orders[number]", """
        test Intended: let the KeyNotFoundException surface @9
        """, KeyNotFound);

    [Fact]
    public void Collect_OnlyHappyPathTests_SaysNothing() => IntentCheck.Says(Book + """

        //- tests/Orders.Tests/OrderBookTests.cs
        using Orders;
        using Xunit;

        public class OrderBookTests
        {
            [Fact]
            public void Find_KnownNumber_ReturnsTheOrder()
            {
                var book = new OrderBook();
                book.Add(new Order("A1"));
                Assert.NotNull(book.Find("A1"));
            }
        }
        """, FailureCondition.AbsentKey, "_orders[number]", "", KeyNotFound);

    [Fact]
    public void Collect_CallersTestTheResultForNull_NameReturnNull() => IntentCheck.Says(Book + """

        //- src/Orders/Checkout.cs
        namespace Orders;

        public sealed class Checkout(OrderBook book)
        {
            public string Describe(string number)
            {
                var order = book.Find(number);
                if (order is null)
                {
                    return "unknown order";
                }

                return order.Number;
            }

            public string Label(string number) => book.Find(number)?.Number ?? "-";
        }
        """, FailureCondition.AbsentKey, "_orders[number]", """
        caller Names: return `null` @8
        caller Names: return `null` @16
        """, KeyNotFound);

    [Fact]
    public void Collect_OwnGuardAndSiblingGuardOfTheSameReturnType_NameTheirExits() => IntentCheck.Says("""
        //- src/Fleet/Routes.cs
        using System.Collections.Generic;

        namespace Fleet;

        public sealed class Route
        {
            public List<string> Stops { get; } = [];
        }

        public sealed class Routes
        {
            public const string NoStop = "-";

            public string Last(Route route)
            {
                if (route.Stops.Count == 0)
                {
                    return NoStop;
                }

                return route.Stops[^1];
            }

            public string First(Route route)
            {
                return route.Stops[0]; // <- throws
            }
        }
        """, FailureCondition.IndexPastEnd, "route.Stops[0]", """
        constant Names: fall back to `NoStop` @12
        sibling Names: return `NoStop` @18
        """, "System.ArgumentOutOfRangeException");

    [Fact]
    public void Collect_ConstantNamedForAnotherValue_SaysNothing() => IntentCheck.Says("""
        //- src/Tax/Vat.cs
        using System.Collections.Generic;

        namespace Tax;

        public sealed class Vat
        {
            public const string DefaultCurrency = "EUR";

            private readonly Dictionary<string, decimal> _rates = new();

            public decimal RateOf(string country) => _rates[country]; // <- throws
        }
        """, FailureCondition.AbsentKey, "_rates[country]", "", KeyNotFound);
}
