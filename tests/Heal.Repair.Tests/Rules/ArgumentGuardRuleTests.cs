using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class ArgumentGuardRuleTests
{
    private static readonly ArgumentGuardRule Rule = new();

    private const string OutOfRange = "System.ArgumentOutOfRangeException";

    [Fact]
    public void Apply_CallerValidatesOtherInput_ChecksThePreconditionWithTheCallersPath() => RuleCheck.Fixes(Rule,
        """
        //- src/Shop/Cart.cs
        using System;
        using System.Collections.Generic;

        namespace Shop;

        public sealed class Cart
        {
            private readonly Dictionary<string, int> _lines = [];

            /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is below 1.</exception>
            public void Add(string sku, int quantity)
            {
                if (quantity < 1)
                    throw new ArgumentOutOfRangeException(nameof(quantity), "Quantity must be at least 1."); // <- throws

                _lines[sku] = _lines.GetValueOrDefault(sku) + quantity;
            }
        }
        //- src/Shop/CartEndpoint.cs
        namespace Shop;

        public sealed class CartEndpoint(Cart cart)
        {
            public Reply AddLine(string? sku, int quantity)
            {
                if (string.IsNullOrWhiteSpace(sku))
                {
                    return Reply.Invalid("A SKU is required.");
                }

                cart.Add(sku, quantity); // <- caller 1
                return Reply.Ok();
            }
        }

        public sealed record Reply(bool Ok, string? Error)
        {
            public static Reply Invalid(string error) => new(false, error);

            public static Reply Ok() => new(true, null);
        }
        """, OutOfRange, "Quantity must be at least 1. (Parameter 'quantity')\nActual value was 0.",
        """
        //- src/Shop/CartEndpoint.cs
        namespace Shop;

        public sealed class CartEndpoint(Cart cart)
        {
            public Reply AddLine(string? sku, int quantity)
            {
                if (string.IsNullOrWhiteSpace(sku))
                {
                    return Reply.Invalid("A SKU is required.");
                }

                if (quantity < 1)
                {
                    return Reply.Invalid("Quantity must be at least 1.");
                }
                cart.Add(sku, quantity);
                return Reply.Ok();
            }
        }

        public sealed record Reply(bool Ok, string? Error)
        {
            public static Reply Invalid(string error) => new(false, error);

            public static Reply Ok() => new(true, null);
        }
        """);

    [Fact]
    public void Apply_ConstructorGuardAndALoopThatSkipsBadRows_SkipsTheRow() => RuleCheck.Fixes(Rule,
        """
        //- src/Weather/Reading.cs
        using System;

        namespace Weather;

        public sealed class Reading
        {
            public Reading(string station, double celsius)
            {
                if (celsius < -273.15)
                {
                    throw new ArgumentOutOfRangeException(nameof(celsius)); // <- throws
                }

                Station = station;
                Celsius = celsius;
            }

            public string Station { get; }

            public double Celsius { get; }
        }
        //- src/Weather/ReadingImport.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Weather;

        public static class ReadingImport
        {
            public static List<Reading> Parse(IEnumerable<string> lines)
            {
                var readings = new List<Reading>();
                foreach (var line in lines)
                {
                    var parts = line.Split(',');
                    if (parts.Length != 2)
                    {
                        continue;
                    }

                    var celsius = double.Parse(parts[1], CultureInfo.InvariantCulture);
                    readings.Add(new Reading(parts[0], celsius)); // <- caller 1
                }

                return readings;
            }
        }
        """, OutOfRange, "Specified argument was out of the range of valid values. (Parameter 'celsius')",
        """
        //- src/Weather/ReadingImport.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Weather;

        public static class ReadingImport
        {
            public static List<Reading> Parse(IEnumerable<string> lines)
            {
                var readings = new List<Reading>();
                foreach (var line in lines)
                {
                    var parts = line.Split(',');
                    if (parts.Length != 2)
                    {
                        continue;
                    }

                    var celsius = double.Parse(parts[1], CultureInfo.InvariantCulture);
                    if (celsius < -273.15)
                    {
                        continue;
                    }
                    readings.Add(new Reading(parts[0], celsius));
                }

                return readings;
            }
        }
        """);

    [Fact]
    public void Apply_ThrowIfHelperAndCallerThrowsItsOwnException_ThrowsItForThisValue() => RuleCheck.Fixes(Rule,
        """
        //- src/Hotel/Stay.cs
        using System;

        namespace Hotel;

        public sealed class Stay
        {
            public DateOnly Until { get; private set; }

            public void Extend(int nights)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nights); // <- throws
                Until = Until.AddDays(nights);
            }
        }
        //- src/Hotel/FrontDesk.cs
        using System;

        namespace Hotel;

        public sealed class FrontDesk
        {
            public void Extend(Stay? stay, string guest, int nights)
            {
                if (stay is null)
                    throw new DeskException(nameof(stay), "There is no stay to extend.");
                if (guest.Length == 0)
                    throw new DeskException(nameof(guest), "Who is the guest?");

                stay.Extend(nights); // <- caller 1
            }
        }

        public sealed class DeskException(string field, string message) : Exception(message)
        {
            public string Field { get; } = field;
        }
        """, OutOfRange, "nights ('0') must be a non-negative and non-zero value. (Parameter 'nights')\nActual value was 0.",
        """
        //- src/Hotel/FrontDesk.cs
        using System;

        namespace Hotel;

        public sealed class FrontDesk
        {
            public void Extend(Stay? stay, string guest, int nights)
            {
                if (stay is null)
                    throw new DeskException(nameof(stay), "There is no stay to extend.");
                if (guest.Length == 0)
                    throw new DeskException(nameof(guest), "Who is the guest?");

                if (nights <= 0)
                    throw new DeskException(nameof(nights), "Nights must be positive.");
                stay.Extend(nights);
            }
        }

        public sealed class DeskException(string field, string message) : Exception(message)
        {
            public string Field { get; } = field;
        }
        """);

    [Fact]
    public void Apply_EveryOtherCallerClampsTheValue_ClampsItTheSameWay() => RuleCheck.Fixes(Rule,
        """
        //- src/Feed/Pager.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Feed;

        public static class Pager
        {
            public const int MaxPageSize = 100;

            public static List<T> Page<T>(IReadOnlyList<T> items, int page, int pageSize)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize); // <- throws
                return items.Skip(page * pageSize).Take(pageSize).ToList();
            }
        }
        //- src/Feed/Timeline.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Feed;

        public sealed class Timeline(IReadOnlyList<string> posts)
        {
            public List<string> Latest(int size) => Pager.Page(posts, 0, Math.Clamp(size, 1, Pager.MaxPageSize));

            public List<string> Archive(int page, int size) => Pager.Page(posts, page, Math.Clamp(size, 1, Pager.MaxPageSize));

            public List<string> Search(string term, int page, int size)
            {
                var found = posts.Where(p => p.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
                return Pager.Page(found, page, size); // <- caller 1
            }
        }
        """, OutOfRange, "pageSize ('0') must be a non-negative and non-zero value. (Parameter 'pageSize')",
        """
        //- src/Feed/Timeline.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Feed;

        public sealed class Timeline(IReadOnlyList<string> posts)
        {
            public List<string> Latest(int size) => Pager.Page(posts, 0, Math.Clamp(size, 1, Pager.MaxPageSize));

            public List<string> Archive(int page, int size) => Pager.Page(posts, page, Math.Clamp(size, 1, Pager.MaxPageSize));

            public List<string> Search(string term, int page, int size)
            {
                var found = posts.Where(p => p.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
                return Pager.Page(found, page, Math.Clamp(size, 1, Pager.MaxPageSize));
            }
        }
        """);

    [Fact]
    public void Apply_NullOrEmptyGuardAndACallerThatReturnsFailures_ReturnsAFailure() => RuleCheck.Fixes(Rule,
        """
        //- src/Mail/Mailer.cs
        using System;

        namespace Mail;

        public sealed class Mailer
        {
            public void Send(string to, string subject)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(to); // <- throws
                Console.WriteLine($"{to}: {subject}");
            }
        }
        //- src/Mail/Signup.cs
        namespace Mail;

        public sealed class Signup(Mailer mailer)
        {
            public bool Register(string name, string email)
            {
                if (name.Length > 80)
                {
                    return false;
                }

                mailer.Send(email, "Welcome, " + name); // <- caller 1
                return true;
            }
        }
        """, "System.ArgumentException", "The value cannot be an empty string or composed entirely of whitespace. (Parameter 'to')",
        """
        //- src/Mail/Signup.cs
        namespace Mail;

        public sealed class Signup(Mailer mailer)
        {
            public bool Register(string name, string email)
            {
                if (name.Length > 80)
                {
                    return false;
                }

                if (string.IsNullOrWhiteSpace(email))
                {
                    return false;
                }
                mailer.Send(email, "Welcome, " + name);
                return true;
            }
        }
        """);

    [Fact]
    public void Apply_NoCallerOnTheStack_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Shop/Cart.cs
        using System;

        namespace Shop;

        public sealed class Cart
        {
            public void Add(string sku, int quantity)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity); // <- throws
            }
        }
        """, OutOfRange, "quantity ('0') must be a non-negative and non-zero value. (Parameter 'quantity')", "no caller");

    [Fact]
    public void Apply_ValueComputedInsideTheCaller_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Shop/Cart.cs
        using System;

        namespace Shop;

        public sealed class Cart
        {
            public void Add(string sku, int quantity)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity); // <- throws
            }
        }
        //- src/Shop/Restock.cs
        namespace Shop;

        public sealed class Restock(Cart cart)
        {
            private int _target = 10;
            private int _onHand = 10;

            public bool Top(string sku)
            {
                if (sku.Length == 0)
                {
                    return false;
                }

                cart.Add(sku, _target - _onHand); // <- caller 1
                return true;
            }
        }
        """, OutOfRange, "quantity ('0') must be a non-negative and non-zero value. (Parameter 'quantity')", "computed inside the caller");

    [Fact]
    public void Apply_CallerHasNoPathForInvalidInput_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Shop/Cart.cs
        using System;

        namespace Shop;

        public sealed class Cart
        {
            public void Add(string sku, int quantity)
            {
                if (quantity < 1) throw new ArgumentOutOfRangeException(nameof(quantity)); // <- throws
            }
        }
        //- src/Shop/QuickAdd.cs
        namespace Shop;

        public sealed class QuickAdd(Cart cart)
        {
            public void Add(string sku, int quantity)
            {
                cart.Add(sku, quantity); // <- caller 1
            }
        }
        """, OutOfRange, "Specified argument was out of the range of valid values. (Parameter 'quantity')", "nothing shows what the caller should do");

    [Fact]
    public void Apply_PreconditionOnPrivateState_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Seating/Row.cs
        using System;
        using System.Collections.Generic;

        namespace Seating;

        public sealed class Row
        {
            private readonly List<string?> _seats = [null, null, null];

            public void Take(int seat, string guest)
            {
                if (seat >= _seats.Count) throw new ArgumentOutOfRangeException(nameof(seat)); // <- throws
                _seats[seat] = guest;
            }
        }
        //- src/Seating/BoxOffice.cs
        namespace Seating;

        public sealed class BoxOffice(Row row)
        {
            public bool Sell(int seat, string guest)
            {
                if (seat < 0)
                {
                    return false;
                }

                row.Take(seat, guest); // <- caller 1
                return true;
            }
        }
        """, OutOfRange, "Specified argument was out of the range of valid values. (Parameter 'seat')", "state the caller cannot see");

    [Fact]
    public void Apply_OtherCallersAdjustInDifferentWays_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Feed/Pager.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Feed;

        public static class Pager
        {
            public static List<T> Page<T>(IReadOnlyList<T> items, int pageSize)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize); // <- throws
                return items.Take(pageSize).ToList();
            }
        }
        //- src/Feed/Timeline.cs
        using System;
        using System.Collections.Generic;

        namespace Feed;

        public sealed class Timeline(IReadOnlyList<string> posts)
        {
            public List<string> Latest(int size) => Pager.Page(posts, Math.Max(1, size));

            public List<string> Archive(int size) => Pager.Page(posts, Math.Clamp(size, 1, 50));

            public List<string> Search(int size) => Pager.Page(posts, size); // <- caller 1
        }
        """, OutOfRange, "pageSize ('0') must be a non-negative and non-zero value. (Parameter 'pageSize')", "nothing shows what the caller should do");

    [Fact]
    public void Apply_LibraryThrowNotAGuard_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Routes/Route.cs
        using System.Collections.Generic;

        namespace Routes;

        public static class Route
        {
            public static string First(List<string> stops) => stops[0]; // <- throws
        }
        """, OutOfRange, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
}
