using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class OverflowRuleTests
{
    private const string Type = "System.OverflowException";

    private static readonly OverflowRule Rule = new();

    private static void Fixes(string before, string after) =>
        RuleCheck.Fixes(Rule, before, Type, "Arithmetic operation resulted in an overflow.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "Arithmetic operation resulted in an overflow.", reason);

    [Fact]
    public void Apply_CheckedProductStoredInLong_ComputesAsLong() => Fixes(
        """
        //- src/Storage/Quota.cs
        namespace Storage;

        public static class Quota
        {
            public static long Bytes(int blocks, int blockSize)
            {
                long total = checked(blocks * blockSize); // <- throws
                return total;
            }
        }
        """,
        """
        //- src/Storage/Quota.cs
        namespace Storage;

        public static class Quota
        {
            public static long Bytes(int blocks, int blockSize)
            {
                long total = checked((long)blocks * blockSize);
                return total;
            }
        }
        """);

    [Fact]
    public void Apply_LocalOnlyUsedAsLong_WidensTheLocal() => Fixes(
        """
        //- src/Sales/Totals.cs
        namespace Sales;

        public static class Totals
        {
            public static long Cents(int unitCents, int quantity, long shippingCents)
            {
                var subtotal = checked(unitCents * quantity); // <- throws
                return subtotal + shippingCents;
            }
        }
        """,
        """
        //- src/Sales/Totals.cs
        namespace Sales;

        public static class Totals
        {
            public static long Cents(int unitCents, int quantity, long shippingCents)
            {
                var subtotal = checked((long)unitCents * quantity);
                return subtotal + shippingCents;
            }
        }
        """);

    [Fact]
    public void Apply_IntParseIntoLongHeaderValue_ParsesAsLong() => RuleCheck.Fixes(Rule,
        """
        //- src/Http/Upload.cs
        namespace Http;

        public sealed class Upload
        {
            public bool TooLarge(string header) => Headers.ContentLength(header) > 10_000_000_000; // <- caller 1
        }
        //- src/Http/Headers.cs
        using System.Globalization;

        namespace Http;

        public static class Headers
        {
            public static long ContentLength(string value)
            {
                long length = int.Parse(value, CultureInfo.InvariantCulture); // <- throws
                return length;
            }
        }
        """,
        Type, "Value was either too large or too small for an Int32.",
        """
        //- src/Http/Headers.cs
        using System.Globalization;

        namespace Http;

        public static class Headers
        {
            public static long ContentLength(string value)
            {
                long length = long.Parse(value, CultureInfo.InvariantCulture);
                return length;
            }
        }
        """);

    [Fact]
    public void Apply_ParsedInputKeptAsInt_UsesTryParseWithTheInvalidInputPath() => RuleCheck.Fixes(Rule,
        """
        //- src/Hosting/Ports.cs
        namespace Hosting;

        public static class Ports
        {
            public static int? Read(string? value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    return null;
                }

                var port = int.Parse(value); // <- throws
                return port;
            }
        }
        """,
        Type, "Value was either too large or too small for an Int32.",
        """
        //- src/Hosting/Ports.cs
        namespace Hosting;

        public static class Ports
        {
            public static int? Read(string? value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    return null;
                }

                if (!int.TryParse(value, out var port))
                {
                    return null;
                }
                return port;
            }
        }
        """);

    [Fact]
    public void Apply_FileUsesExplicitTypesAndEndOfLineBraces_WidensTheDeclaredType() => Fixes(
        """
        //- src/Imaging/Canvas.cs
        namespace Imaging {
          public static class Canvas {
            public static long Pixels(int width, int height, int frames) {
              int perFrame = checked(width * height); // <- throws
              long total = perFrame;
              return total * frames;
            }
          }
        }
        """,
        """
        //- src/Imaging/Canvas.cs
        namespace Imaging {
          public static class Canvas {
            public static long Pixels(int width, int height, int frames) {
              long perFrame = checked((long)width * height);
              long total = perFrame;
              return total * frames;
            }
          }
        }
        """);

    [Fact]
    public void Apply_ResultStoredInIntField_Declines() => Declines(
        """
        //- src/Game/Score.cs
        namespace Game;

        public sealed class Score
        {
            private int _points;

            public void Add(int combo, int basePoints)
            {
                _points = checked(_points + combo * basePoints); // <- throws
            }
        }
        """,
        "contract");

    [Fact]
    public void Apply_DecimalCastReturnedAsInt_Declines() => Declines(
        """
        //- src/Payroll/Rounding.cs
        namespace Payroll;

        public static class Rounding
        {
            public static int WholeUnits(decimal amount)
            {
                return (int)amount; // <- throws
            }
        }
        """,
        "contract");

    [Fact]
    public void Apply_LongArithmeticOverflow_Declines() => Declines(
        """
        //- src/Clock/Ticks.cs
        namespace Clock;

        public static class Ticks
        {
            public static long Scale(long ticks, long factor)
            {
                return checked(ticks * factor); // <- throws
            }
        }
        """,
        "no narrowing");
    [Fact]
    public void Apply_AbsOfDifferenceReturnedAsLong_SubtractsAsLong() => Fixes(
        """
        //- src/Trails/Elevation.cs
        using System;

        namespace Trails;

        public static class Elevation
        {
            public static long Climb(int fromMillimetres, int toMillimetres) => Math.Abs(toMillimetres - fromMillimetres); // <- throws
        }
        """,
        """
        //- src/Trails/Elevation.cs
        using System;

        namespace Trails;

        public static class Elevation
        {
            public static long Climb(int fromMillimetres, int toMillimetres) => Math.Abs((long)toMillimetres - fromMillimetres);
        }
        """);

    [Fact]
    public void Apply_SumOfProductsStoredInLong_MultipliesAndSumsAsLong() => Fixes(
        """
        //- src/Warehouse/Stock.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Warehouse;

        public sealed record Bin(int Units, int GramsPerUnit);

        public static class Stock
        {
            public static long TotalGrams(IReadOnlyList<Bin> bins)
            {
                long grams = bins.Sum(b => b.Units * b.GramsPerUnit); // <- throws
                return grams;
            }
        }
        """,
        """
        //- src/Warehouse/Stock.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Warehouse;

        public sealed record Bin(int Units, int GramsPerUnit);

        public static class Stock
        {
            public static long TotalGrams(IReadOnlyList<Bin> bins)
            {
                long grams = bins.Sum(b => (long)b.Units * b.GramsPerUnit);
                return grams;
            }
        }
        """);

    [Fact]
    public void Apply_SumWithoutSelectorReturnedAsLong_SumsEachValueAsLong() => Fixes(
        """
        //- src/Media/Library.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Media;

        public static class Library
        {
            public static long Bytes(List<int> fileSizes) => fileSizes.Sum(); // <- throws
        }
        """,
        """
        //- src/Media/Library.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Media;

        public static class Library
        {
            public static long Bytes(List<int> fileSizes) => fileSizes.Sum(value => (long)value);
        }
        """);

    [Fact]
    public void Apply_SumReturnedAsInt_Declines() => Declines(
        """
        //- src/Media/Library.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Media;

        public static class Library
        {
            public static int Bytes(List<int> fileSizes) => fileSizes.Sum(); // <- throws
        }
        """,
        "contract");

    [Fact]
    public void Apply_ReturnsDocumentedAsCappedAtMaxValue_ClampsToTheTypesRange() => Fixes(
        """
        //- src/Sensors/Probe.cs
        using System;

        namespace Sensors;

        public static class Probe
        {
            /// <summary>The reading in whole millivolts; readings outside the range of <see cref="int"/> are capped at <see cref="int.MaxValue"/> or <see cref="int.MinValue"/>.</summary>
            public static int Millivolts(double volts)
            {
                return Convert.ToInt32(volts * 1000); // <- throws
            }
        }
        """,
        """
        //- src/Sensors/Probe.cs
        using System;

        namespace Sensors;

        public static class Probe
        {
            /// <summary>The reading in whole millivolts; readings outside the range of <see cref="int"/> are capped at <see cref="int.MaxValue"/> or <see cref="int.MinValue"/>.</summary>
            public static int Millivolts(double volts)
            {
                return Convert.ToInt32(Math.Clamp(volts * 1000, int.MinValue, int.MaxValue));
            }
        }
        """);

    [Fact]
    public void Apply_DocumentedCapIsADomainLimit_Declines() => Declines(
        """
        //- src/Loyalty/Points.cs
        namespace Loyalty;

        public static class Points
        {
            /// <summary>Points earned for a purchase, capped at 500 per order.</summary>
            public static int Earned(decimal amount)
            {
                return (int)(amount * 10); // <- throws
            }
        }
        """,
        "contract");
}
