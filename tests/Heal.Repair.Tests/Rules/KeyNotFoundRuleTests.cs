using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class KeyNotFoundRuleTests
{
    private const string Type = "System.Collections.Generic.KeyNotFoundException";

    private static readonly KeyNotFoundRule Rule = new();

    private static void Fixes(string before, string after, string key = "42") =>
        RuleCheck.Fixes(Rule, before, Type, $"The given key '{key}' was not present in the dictionary.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "The given key 'x' was not present in the dictionary.", reason);

    [Fact]
    public void Apply_LocalReadInMethodThatReturnsNullWhenMissing_GuardsWithTryGetValue() => Fixes(
        """
        //- src/Shop/CustomerDirectory.cs
        using System.Collections.Generic;

        namespace Shop;

        public sealed class CustomerDirectory
        {
            private readonly Dictionary<string, Customer> _customersByEmail = new();

            public string? DisplayName(string? email)
            {
                if (email is null)
                {
                    return null;
                }

                var customer = _customersByEmail[email]; // <- throws
                return customer.FirstName + " " + customer.LastName;
            }
        }

        public sealed record Customer(string FirstName, string LastName);
        """,
        """
        //- src/Shop/CustomerDirectory.cs
        using System.Collections.Generic;

        namespace Shop;

        public sealed class CustomerDirectory
        {
            private readonly Dictionary<string, Customer> _customersByEmail = new();

            public string? DisplayName(string? email)
            {
                if (email is null)
                {
                    return null;
                }

                if (!_customersByEmail.TryGetValue(email, out var customer))
                {
                    return null;
                }
                return customer.FirstName + " " + customer.LastName;
            }
        }

        public sealed record Customer(string FirstName, string LastName);
        """);

    [Fact]
    public void Apply_TypeThrowsDomainNotFoundElsewhere_ThrowsTheSameException() => Fixes(
        """
        //- src/Orders/OrderController.cs
        namespace Orders;

        public sealed class OrderController
        {
            private readonly Catalog _catalog = new();

            public decimal Quote(string sku, int quantity) => _catalog.PriceOf(sku) * quantity; // <- caller 1
        }
        //- src/Orders/Catalog.cs
        using System.Collections.Generic;

        namespace Orders;

        public sealed class Catalog
        {
            private readonly Dictionary<string, decimal> _prices = new();
            private readonly Dictionary<string, string> _names = new();

            public string NameOf(string sku) =>
                _names.GetValueOrDefault(sku) ?? throw new NotFoundException($"Product '{sku}' does not exist.");

            public decimal PriceOf(string sku)
            {
                var price = _prices[sku]; // <- throws
                return price;
            }
        }
        //- src/Orders/NotFoundException.cs
        using System;

        namespace Orders;

        public sealed class NotFoundException(string message) : Exception(message);
        """,
        """
        //- src/Orders/Catalog.cs
        using System.Collections.Generic;

        namespace Orders;

        public sealed class Catalog
        {
            private readonly Dictionary<string, decimal> _prices = new();
            private readonly Dictionary<string, string> _names = new();

            public string NameOf(string sku) =>
                _names.GetValueOrDefault(sku) ?? throw new NotFoundException($"Product '{sku}' does not exist.");

            public decimal PriceOf(string sku)
            {
                if (!_prices.TryGetValue(sku, out var price))
                {
                    throw new NotFoundException($"Price '{sku}' was not found.");
                }
                return price;
            }
        }
        """,
        key: "SKU-9");

    [Fact]
    public void Apply_CountIncrementedBeforeFirstAdd_StartsFromZero() => Fixes(
        """
        //- src/Text/WordCounter.cs
        using System.Collections.Generic;

        namespace Text;

        public sealed class WordCounter
        {
            public Dictionary<string, int> Count(IEnumerable<string> words)
            {
                var counts = new Dictionary<string, int>();
                foreach (var word in words)
                {
                    counts[word]++; // <- throws
                }

                return counts;
            }
        }
        """,
        """
        //- src/Text/WordCounter.cs
        using System.Collections.Generic;

        namespace Text;

        public sealed class WordCounter
        {
            public Dictionary<string, int> Count(IEnumerable<string> words)
            {
                var counts = new Dictionary<string, int>();
                foreach (var word in words)
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }

                return counts;
            }
        }
        """);

    [Fact]
    public void Apply_SiblingReadsSameDictionaryWithDefault_UsesThatDefault() => Fixes(
        """
        //- src/Billing/Discounts.cs
        using System.Collections.Generic;

        namespace Billing;

        public sealed class Discounts
        {
            private readonly Dictionary<string, decimal> _rates = new();

            public bool HasDiscount(string code) => _rates.GetValueOrDefault(code, 0m) > 0m;

            public decimal Apply(string code, decimal amount)
            {
                return amount - amount * _rates[code]; // <- throws
            }
        }
        """,
        """
        //- src/Billing/Discounts.cs
        using System.Collections.Generic;

        namespace Billing;

        public sealed class Discounts
        {
            private readonly Dictionary<string, decimal> _rates = new();

            public bool HasDiscount(string code) => _rates.GetValueOrDefault(code, 0m) > 0m;

            public decimal Apply(string code, decimal amount)
            {
                return amount - amount * _rates.GetValueOrDefault(code, 0m);
            }
        }
        """);

    [Fact]
    public void Apply_ReturnedReadWithNullableReturnType_UsesGetValueOrDefault() => Fixes(
        """
        //- src/Cache/SessionStore.cs
        using System.Collections.Generic;

        namespace Cache;

        public sealed class SessionStore
        {
            private readonly Dictionary<string, Session> _sessions = new();

            public Session? Find(string token)
            {
                return _sessions[token]; // <- throws
            }
        }

        public sealed class Session
        {
        }
        """,
        """
        //- src/Cache/SessionStore.cs
        using System.Collections.Generic;

        namespace Cache;

        public sealed class SessionStore
        {
            private readonly Dictionary<string, Session> _sessions = new();

            public Session? Find(string token)
            {
                return _sessions.GetValueOrDefault(token);
            }
        }

        public sealed class Session
        {
        }
        """);

    [Fact]
    public void Apply_FileUsesEndOfLineBracesAndBracelessGuards_FollowsTheFile() => Fixes(
        """
        //- src/Geo/Regions.cs
        using System.Collections.Generic;

        namespace Geo {
          public class Regions {
            private Dictionary<int, Region> regions = new Dictionary<int, Region>();

            public Region Lookup(int id) {
              if (id <= 0) throw new System.ArgumentOutOfRangeException(nameof(id));
              if (regions.Count == 0) return null;
              Region region = regions[id]; // <- throws
              return region;
            }
          }

          public class Region {
          }
        }
        """,
        """
        //- src/Geo/Regions.cs
        using System.Collections.Generic;

        namespace Geo {
          public class Regions {
            private Dictionary<int, Region> regions = new Dictionary<int, Region>();

            public Region Lookup(int id) {
              if (id <= 0) throw new System.ArgumentOutOfRangeException(nameof(id));
              if (regions.Count == 0) return null;
              if (!regions.TryGetValue(id, out Region region)) return null;
              return region;
            }
          }

          public class Region {
          }
        }
        """);

    [Fact]
    public void Apply_VoidMethodWithoutAnyAbsenceHandling_Declines() => Declines(
        """
        //- src/Jobs/Scheduler.cs
        using System.Collections.Generic;

        namespace Jobs;

        public sealed class Scheduler
        {
            private readonly Dictionary<string, Job> _jobs = new();

            public void Run(string name)
            {
                var job = _jobs[name]; // <- throws
                job.Start();
            }
        }

        public sealed class Job
        {
            public void Start()
            {
            }
        }
        """,
        "does not show");

    [Fact]
    public void Apply_NonNullableNumberWithoutEvidence_Declines() => Declines(
        """
        //- src/Stock/Inventory.cs
        using System.Collections.Generic;

        namespace Stock;

        public sealed class Inventory
        {
            private readonly Dictionary<string, int> _onHand = new();

            public int Reserve(string sku, int quantity)
            {
                var available = _onHand[sku]; // <- throws
                _onHand[sku] = available - quantity;
                return available - quantity;
            }
        }
        """,
        "does not show");

    [Fact]
    public void Apply_MethodHandlesMissingValuesInTwoWays_Declines() => Declines(
        """
        //- src/Users/Profiles.cs
        using System;
        using System.Collections.Generic;

        namespace Users;

        public sealed class Profiles
        {
            private readonly Dictionary<Guid, Profile> _profiles = new();
            private readonly Dictionary<string, Guid> _owners = new();

            public Profile? Load(string tenant, Guid id)
            {
                if (!_owners.TryGetValue(tenant, out var owner))
                {
                    throw new InvalidOperationException($"Unknown tenant {tenant}.");
                }

                var fallback = owner == id ? null : Find(owner);
                if (fallback is null)
                {
                    return null;
                }

                var profile = _profiles[id]; // <- throws
                return profile;
            }

            private Profile? Find(Guid id) => null;
        }

        public sealed class Profile
        {
        }
        """,
        "more than one way");

    [Fact]
    public void Apply_TwoDictionaryReadsOnTheLine_Declines() => Declines(
        """
        //- src/Routing/Distances.cs
        using System.Collections.Generic;

        namespace Routing;

        public sealed class Distances
        {
            private readonly Dictionary<string, int> _km = new();

            public int? Between(string from, string to)
            {
                return _km[to] - _km[from]; // <- throws
            }
        }
        """,
        "several");
}
