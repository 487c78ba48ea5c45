using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class AppThrownRuleTests
{
    private static readonly AppThrownRule Rule = new();

    private const string InvalidOperation = "System.InvalidOperationException";

    [Fact]
    public void Apply_StateGuardCalledFromALoopThatSkipsItems_SkipsItemsInThatState() => RuleCheck.Fixes(Rule,
        """
        //- src/Dispatch/Order.cs
        using System;

        namespace Dispatch;

        public enum OrderState
        {
            Open,
            Packed,
            Shipped,
        }

        public sealed class Order(string id, string? address)
        {
            public string Id { get; } = id;

            public string? Address { get; } = address;

            public OrderState State { get; private set; } = OrderState.Packed;

            /// <exception cref="InvalidOperationException">The order is not packed yet, or already shipped.</exception>
            public void Ship()
            {
                if (State != OrderState.Packed)
                    throw new InvalidOperationException($"Order {Id} is {State}; only packed orders ship."); // <- throws
                State = OrderState.Shipped;
            }
        }
        //- src/Dispatch/Dispatcher.cs
        using System.Collections.Generic;

        namespace Dispatch;

        public static class Dispatcher
        {
            public static int ShipAll(IEnumerable<Order> orders)
            {
                var shipped = 0;
                foreach (var order in orders)
                {
                    if (order.Address is null)
                        continue;

                    order.Ship(); // <- caller 1
                    shipped++;
                }

                return shipped;
            }
        }
        """, InvalidOperation, "Order A-7 is Shipped; only packed orders ship.",
        """
        //- src/Dispatch/Dispatcher.cs
        using System.Collections.Generic;

        namespace Dispatch;

        public static class Dispatcher
        {
            public static int ShipAll(IEnumerable<Order> orders)
            {
                var shipped = 0;
                foreach (var order in orders)
                {
                    if (order.Address is null)
                        continue;

                    if (order.State != OrderState.Packed)
                        continue;
                    order.Ship();
                    shipped++;
                }

                return shipped;
            }
        }
        """);

    [Fact]
    public void Apply_DomainExceptionAndACallerReturningFailures_ChecksFirstAndFails() => RuleCheck.Fixes(Rule,
        """
        //- src/Stock/StockItem.cs
        using System;

        namespace Stock;

        public sealed class StockItem(string sku, int available)
        {
            public string Sku { get; } = sku;

            public int Available { get; private set; } = available;

            public void Reserve(int quantity)
            {
                if (quantity > Available)
                {
                    throw new OutOfStockException(Sku, quantity); // <- throws
                }

                Available -= quantity;
            }
        }

        public sealed class OutOfStockException(string sku, int wanted) : Exception($"Only part of {wanted} x {sku} is in stock.");
        //- src/Stock/ReservationService.cs
        namespace Stock;

        public sealed class ReservationService
        {
            public Result Reserve(StockItem? item, int quantity)
            {
                if (item is null)
                {
                    return Result.Fail("Unknown item.");
                }

                item.Reserve(quantity); // <- caller 1
                return Result.Ok();
            }
        }

        public sealed record Result(bool Succeeded, string? Error)
        {
            public static Result Fail(string error) => new(false, error);

            public static Result Ok() => new(true, null);
        }
        """, "Stock.OutOfStockException", "Only part of 5 x SKU-1 is in stock.",
        """
        //- src/Stock/ReservationService.cs
        namespace Stock;

        public sealed class ReservationService
        {
            public Result Reserve(StockItem? item, int quantity)
            {
                if (item is null)
                {
                    return Result.Fail("Unknown item.");
                }

                if (quantity > item.Available)
                {
                    return Result.Fail("Quantity is not valid.");
                }
                item.Reserve(quantity);
                return Result.Ok();
            }
        }

        public sealed record Result(bool Succeeded, string? Error)
        {
            public static Result Fail(string error) => new(false, error);

            public static Result Ok() => new(true, null);
        }
        """);

    [Fact]
    public void Apply_GuardReadsPrivateState_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Batches/Batch.cs
        using System;

        namespace Batches;

        public sealed class Batch
        {
            private bool _committed;

            public void Add(string report)
            {
                if (_committed) throw new InvalidOperationException("The batch was already committed."); // <- throws
            }

            public void Commit() => _committed = true;
        }
        //- src/Batches/Publisher.cs
        namespace Batches;

        public static class Publisher
        {
            public static bool Publish(Batch batch, string report)
            {
                if (report.Length == 0)
                {
                    return false;
                }

                batch.Add(report); // <- caller 1
                return true;
            }
        }
        """, InvalidOperation, "The batch was already committed.", "state the caller cannot see");

    [Fact]
    public void Apply_CallerHasNoWayToRefuse_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Dispatch/Order.cs
        using System;

        namespace Dispatch;

        public sealed class Order
        {
            public bool Packed { get; set; }

            public void Ship()
            {
                if (!Packed) throw new InvalidOperationException("Only packed orders ship."); // <- throws
            }
        }
        //- src/Dispatch/Dispatcher.cs
        namespace Dispatch;

        public static class Dispatcher
        {
            public static void Ship(Order order)
            {
                order.Ship(); // <- caller 1
            }
        }
        """, InvalidOperation, "Only packed orders ship.", "nothing shows what the caller should do");

    [Fact]
    public void Apply_ThrowThatIsNoGuard_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Pricing/Tariff.cs
        using System;

        namespace Pricing;

        public enum Zone
        {
            Inner,
            Outer,
        }

        public static class Tariff
        {
            public static decimal Price(Zone zone) => zone switch
            {
                Zone.Inner => 2.5m,
                _ => throw new InvalidOperationException($"No tariff for {zone}."), // <- throws
            };
        }
        """, InvalidOperation, "No tariff for Outer.");
}
