using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class InvalidCastRuleTests
{
    private const string Type = "System.InvalidCastException";

    private static readonly InvalidCastRule Rule = new();

    private static void Fixes(string before, string after) =>
        RuleCheck.Fixes(Rule, before, Type, "Unable to cast object of type 'A' to type 'B'.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "Unable to cast object of type 'A' to type 'B'.", reason);

    [Fact]
    public void Apply_LoopSkipsOtherTypesAlready_PatternMatchesAndSkips() => Fixes(
        """
        //- src/Orders/Notices.cs
        using System.Collections.Generic;

        namespace Orders;

        public static class Notices
        {
            public static List<string> Tracking(IEnumerable<object> events)
            {
                var codes = new List<string>();
                foreach (var evt in events)
                {
                    if (evt is not OrderEvent)
                    {
                        continue;
                    }

                    var shipped = (OrderShipped)evt; // <- throws
                    codes.Add(shipped.TrackingCode);
                }

                return codes;
            }
        }

        public abstract record OrderEvent;

        public sealed record OrderPlaced : OrderEvent;

        public sealed record OrderShipped(string TrackingCode) : OrderEvent;
        """,
        """
        //- src/Orders/Notices.cs
        using System.Collections.Generic;

        namespace Orders;

        public static class Notices
        {
            public static List<string> Tracking(IEnumerable<object> events)
            {
                var codes = new List<string>();
                foreach (var evt in events)
                {
                    if (evt is not OrderEvent)
                    {
                        continue;
                    }

                    if (evt is not OrderShipped shipped)
                    {
                        continue;
                    }
                    codes.Add(shipped.TrackingCode);
                }

                return codes;
            }
        }

        public abstract record OrderEvent;

        public sealed record OrderPlaced : OrderEvent;

        public sealed record OrderShipped(string TrackingCode) : OrderEvent;
        """);

    [Fact]
    public void Apply_MethodRejectsOtherTypesWithException_ThrowsTheSameException() => Fixes(
        """
        //- src/Catalog/Downloads.cs
        using System;

        namespace Catalog;

        public static class Downloads
        {
            public static int SizeMb(CatalogItem item)
            {
                if (!(item is Product))
                {
                    throw new ArgumentException("Only products have a download size.");
                }

                var digital = (DigitalProduct)item; // <- throws
                return digital.SizeMb;
            }
        }

        public class CatalogItem
        {
        }

        public class Product : CatalogItem
        {
        }

        public sealed class DigitalProduct : Product
        {
            public int SizeMb { get; init; }
        }
        """,
        """
        //- src/Catalog/Downloads.cs
        using System;

        namespace Catalog;

        public static class Downloads
        {
            public static int SizeMb(CatalogItem item)
            {
                if (!(item is Product))
                {
                    throw new ArgumentException("Only products have a download size.");
                }

                if (item is not DigitalProduct digital)
                {
                    throw new ArgumentException($"Unexpected DigitalProduct type {item.GetType().Name}.");
                }
                return digital.SizeMb;
            }
        }

        public class CatalogItem
        {
        }

        public class Product : CatalogItem
        {
        }

        public sealed class DigitalProduct : Product
        {
            public int SizeMb { get; init; }
        }
        """);

    [Fact]
    public void Apply_CastInsideCallArgument_HoistsThePatternMatch() => Fixes(
        """
        //- src/Admin/Bus.cs
        namespace Admin;

        public sealed class Bus
        {
            private readonly UserHandler _handler = new();

            public void Send(object command) => _handler.Handle(command); // <- caller 1
        }
        //- src/Admin/UserHandler.cs
        namespace Admin;

        public sealed class UserHandler
        {
            public void Handle(object command)
            {
                if (command is not ICommand)
                {
                    return;
                }

                Execute((CreateUser)command); // <- throws
            }

            private static void Execute(CreateUser command)
            {
            }
        }

        public interface ICommand
        {
        }

        public sealed record CreateUser(string Name) : ICommand;

        public sealed record DeleteUser(string Name) : ICommand;
        """,
        """
        //- src/Admin/UserHandler.cs
        namespace Admin;

        public sealed class UserHandler
        {
            public void Handle(object command)
            {
                if (command is not ICommand)
                {
                    return;
                }

                if (command is not CreateUser createUser)
                {
                    return;
                }
                Execute(createUser);
            }

            private static void Execute(CreateUser command)
            {
            }
        }

        public interface ICommand
        {
        }

        public sealed record CreateUser(string Name) : ICommand;

        public sealed record DeleteUser(string Name) : ICommand;
        """);

    [Fact]
    public void Apply_FileUsesBracelessGuardsAndExplicitTypes_FollowsTheFile() => Fixes(
        """
        //- src/Trees/Leaves.cs
        namespace Trees {
          public static class Leaves {
            public static string Value(object node) {
              if (node as Node == null) return null;
              Leaf leaf = (Leaf)node; // <- throws
              return leaf.Text;
            }
          }

          public class Node {
          }

          public class Leaf : Node {
            public string Text { get; set; }
          }
        }
        """,
        """
        //- src/Trees/Leaves.cs
        namespace Trees {
          public static class Leaves {
            public static string Value(object node) {
              if (node as Node == null) return null;
              if (node is not Leaf leaf) return null;
              return leaf.Text;
            }
          }

          public class Node {
          }

          public class Leaf : Node {
            public string Text { get; set; }
          }
        }
        """);

    [Fact]
    public void Apply_ValueNeverTestedForOtherTypes_Declines() => Declines(
        """
        //- src/Config/Settings.cs
        using System.Collections.Generic;

        namespace Config;

        public sealed class Settings
        {
            private readonly Dictionary<string, object> _values = new();

            public string Name()
            {
                var value = _values["name"];
                return (string)value; // <- throws
            }
        }
        """,
        "does not test");

    [Fact]
    public void Apply_OnlyPositiveTypeTests_Declines() => Declines(
        """
        //- src/Geometry/Areas.cs
        namespace Geometry;

        public static class Areas
        {
            public static double Of(Shape shape)
            {
                if (shape is Circle circle)
                {
                    return 3.14159 * circle.Radius * circle.Radius;
                }

                var square = (Square)shape; // <- throws
                return square.Side * square.Side;
            }
        }

        public abstract record Shape;

        public sealed record Circle(double Radius) : Shape;

        public sealed record Square(double Side) : Shape;

        public sealed record Triangle(double Base, double Height) : Shape;
        """,
        "no exit for types");

    [Fact]
    public void Apply_TwoDifferentExitsForOtherTypes_Declines() => Declines(
        """
        //- src/Billing/Fees.cs
        using System;

        namespace Billing;

        public static class Fees
        {
            public static decimal? Of(object payment)
            {
                if (payment is not Payment)
                {
                    return null;
                }

                switch (payment)
                {
                    case Refund:
                        return 0m;
                    default:
                        throw new NotSupportedException("Unknown payment.");
                }

                var card = (CardPayment)payment; // <- throws
                return card.Amount * 0.02m;
            }
        }

        public abstract record Payment;

        public sealed record Refund : Payment;

        public sealed record CardPayment(decimal Amount) : Payment;
        """,
        "more than one way");
}
