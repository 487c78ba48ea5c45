using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class EmptySequenceRuleTests
{
    private const string Type = "System.InvalidOperationException";

    private static readonly EmptySequenceRule Rule = new();

    private static void Fixes(string before, string after, bool matching = false) =>
        RuleCheck.Fixes(Rule, before, Type, matching ? "Sequence contains no matching element" : "Sequence contains no elements", after);

    private static void Declines(string before, string reason, bool matching = false) =>
        RuleCheck.Declines(Rule, before, Type, matching ? "Sequence contains no matching element" : "Sequence contains no elements", reason);

    [Fact]
    public void Apply_FirstIntoLocalWhereDocsPromiseNull_UsesFirstOrDefaultAndReturnsNull() => Fixes(
        """
        //- src/Orders/OrderBook.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Orders;

        public sealed class OrderBook
        {
            private readonly List<Order> _orders = new();

            /// <summary>The total of an order.</summary>
            /// <returns>The total, or null when no order has this id.</returns>
            public decimal? TotalOf(int id)
            {
                var order = _orders.First(o => o.Id == id); // <- throws
                return order.Lines.Sum(l => l.Price);
            }
        }

        public sealed record Order(int Id, List<Line> Lines);

        public sealed record Line(decimal Price);
        """,
        """
        //- src/Orders/OrderBook.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Orders;

        public sealed class OrderBook
        {
            private readonly List<Order> _orders = new();

            /// <summary>The total of an order.</summary>
            /// <returns>The total, or null when no order has this id.</returns>
            public decimal? TotalOf(int id)
            {
                var order = _orders.FirstOrDefault(o => o.Id == id);
                if (order is null)
                {
                    return null;
                }
                return order.Lines.Sum(l => l.Price);
            }
        }

        public sealed record Order(int Id, List<Line> Lines);

        public sealed record Line(decimal Price);
        """,
        matching: true);

    [Fact]
    public void Apply_AverageWhereMethodReturnsZeroForNoInput_GuardsEmptiness() => Fixes(
        """
        //- src/Reviews/Ratings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Reviews;

        public static class Ratings
        {
            public static double AverageStars(IReadOnlyList<Review>? reviews)
            {
                if (reviews == null) return 0;
                return reviews.Average(r => r.Stars); // <- throws
            }
        }

        public sealed record Review(int Stars);
        """,
        """
        //- src/Reviews/Ratings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Reviews;

        public static class Ratings
        {
            public static double AverageStars(IReadOnlyList<Review>? reviews)
            {
                if (reviews == null) return 0;
                if (reviews.Count == 0) return 0;
                return reviews.Average(r => r.Stars);
            }
        }

        public sealed record Review(int Stars);
        """);

    [Fact]
    public void Apply_SiblingUsesDefaultIfEmptyForMax_FollowsIt() => Fixes(
        """
        //- src/Games/Leaderboard.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Games;

        public sealed class Leaderboard
        {
            private readonly List<int> _scores = new();
            private readonly List<Bonus> _bonuses = new();

            public int BestScore() => _scores.DefaultIfEmpty(0).Max();

            public int BestBonus()
            {
                return _bonuses.Where(b => b.Active).Max(b => b.Points); // <- throws
            }
        }

        public sealed record Bonus(bool Active, int Points);
        """,
        """
        //- src/Games/Leaderboard.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Games;

        public sealed class Leaderboard
        {
            private readonly List<int> _scores = new();
            private readonly List<Bonus> _bonuses = new();

            public int BestScore() => _scores.DefaultIfEmpty(0).Max();

            public int BestBonus()
            {
                return _bonuses.Where(b => b.Active).Select(b => b.Points).DefaultIfEmpty(0).Max();
            }
        }

        public sealed record Bonus(bool Active, int Points);
        """);

    [Fact]
    public void Apply_ReturnedFirstInNullableFinder_UsesFirstOrDefault() => Fixes(
        """
        //- src/Accounts/LoginHandler.cs
        namespace Accounts;

        public sealed class LoginHandler
        {
            private readonly UserStore _store = new();

            public bool CanLogIn(string email) => _store.FindByEmail(email) is { Locked: false }; // <- caller 1
        }
        //- src/Accounts/UserStore.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Accounts;

        public sealed class UserStore
        {
            private readonly List<User> _users = new();

            public User? FindByEmail(string email)
            {
                return _users.First(u => u.Email == email); // <- throws
            }
        }

        public sealed record User(string Email, bool Locked);
        """,
        """
        //- src/Accounts/UserStore.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Accounts;

        public sealed class UserStore
        {
            private readonly List<User> _users = new();

            public User? FindByEmail(string email)
            {
                return _users.FirstOrDefault(u => u.Email == email);
            }
        }

        public sealed record User(string Email, bool Locked);
        """,
        matching: true);

    [Fact]
    public void Apply_FileUsesEqualsNullAndBracelessGuards_FollowsTheFile() => Fixes(
        """
        //- src/Stock/Shelf.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Stock {
          public class Shelf {
            public string Label(List<Item> items, string sku) {
              if (items == null) return null;
              Item item = items.Single(i => i.Sku == sku); // <- throws
              return item.Name + " (" + item.Sku + ")";
            }
          }

          public class Item {
            public string Sku { get; set; }
            public string Name { get; set; }
          }
        }
        """,
        """
        //- src/Stock/Shelf.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Stock {
          public class Shelf {
            public string Label(List<Item> items, string sku) {
              if (items == null) return null;
              Item item = items.SingleOrDefault(i => i.Sku == sku);
              if (item == null) return null;
              return item.Name + " (" + item.Sku + ")";
            }
          }

          public class Item {
            public string Sku { get; set; }
            public string Name { get; set; }
          }
        }
        """,
        matching: true);

    [Fact]
    public void Apply_FirstFollowedByMemberAccessWithoutAbsenceHandling_Declines() => Declines(
        """
        //- src/Mail/Notifier.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Mail;

        public sealed class Notifier
        {
            private readonly List<Contact> _contacts = new();

            public void Notify(string team)
            {
                var address = _contacts.First(c => c.Team == team).Email; // <- throws
                Send(address);
            }

            private static void Send(string address)
            {
            }
        }

        public sealed record Contact(string Team, string Email);
        """,
        "does not show",
        matching: true);

    [Fact]
    public void Apply_ValueTypeElements_Declines() => Declines(
        """
        //- src/Math/Thresholds.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Math;

        public static class Thresholds
        {
            public static int? FirstAbove(List<int>? values, int limit)
            {
                if (values is null)
                {
                    return null;
                }

                return values.First(v => v > limit); // <- throws
            }
        }
        """,
        "values",
        matching: true);

    [Fact]
    public void Apply_TwoAggregatesOnTheLine_Declines() => Declines(
        """
        //- src/Stats/Spread.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Stats;

        public static class Spread
        {
            public static int Range(List<int> samples)
            {
                if (samples is null) return 0;
                return samples.Max() - samples.Min(); // <- throws
            }
        }
        """,
        "several");

    [Fact]
    public void Apply_AggregateOverQueryAssignedToLocal_Declines() => Declines(
        """
        //- src/Text/Joiner.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Text;

        public static class Joiner
        {
            public static string Join(IEnumerable<string>? words)
            {
                if (words is null)
                {
                    return "";
                }

                var sentence = words.Where(w => w.Length > 0).Aggregate((a, b) => a + " " + b); // <- throws
                return sentence + ".";
            }
        }
        """,
        "query");
}
