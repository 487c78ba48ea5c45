using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class CultureParseRuleTests
{
    private const string Format = "System.FormatException";

    private static readonly CultureParseRule Rule = new();

    [Fact]
    public void Apply_SameTypeWritesInvariantNumbers_ParsesInvariant() => RuleCheck.Fixes(Rule,
        """
        //- src/Catalog/PriceListCsv.cs
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        namespace Catalog;

        public static class PriceListCsv
        {
            public static string Write(IEnumerable<PriceLine> lines) =>
                string.Join("\n", lines.Select(l => $"{l.Sku};{l.Price.ToString("N2", CultureInfo.InvariantCulture)}"));

            public static List<PriceLine> Read(string csv)
            {
                var result = new List<PriceLine>();
                foreach (var row in csv.Split('\n'))
                {
                    var cells = row.Split(';');
                    var price = decimal.Parse(cells[1]); // <- throws
                    result.Add(new PriceLine(cells[0], price));
                }

                return result;
            }
        }

        public sealed record PriceLine(string Sku, decimal Price);
        """, Format, "The input string '1,234.50' was not in a correct format.",
        """
        //- src/Catalog/PriceListCsv.cs
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        namespace Catalog;

        public static class PriceListCsv
        {
            public static string Write(IEnumerable<PriceLine> lines) =>
                string.Join("\n", lines.Select(l => $"{l.Sku};{l.Price.ToString("N2", CultureInfo.InvariantCulture)}"));

            public static List<PriceLine> Read(string csv)
            {
                var result = new List<PriceLine>();
                foreach (var row in csv.Split('\n'))
                {
                    var cells = row.Split(';');
                    var price = decimal.Parse(cells[1], CultureInfo.InvariantCulture);
                    result.Add(new PriceLine(cells[0], price));
                }

                return result;
            }
        }

        public sealed record PriceLine(string Sku, decimal Price);
        """,
        SiteEvent.Culture("de-DE"));

    [Fact]
    public void Apply_WriterOfTheSameMemberUsesALayout_ParsesExactlyThatLayout() => RuleCheck.Fixes(Rule,
        """
        //- src/Diary/Entry.cs
        using System;

        namespace Diary;

        public sealed record Entry(DateTime Day, string Note);
        //- src/Diary/DiaryExport.cs
        using System.Globalization;
        using System.IO;

        namespace Diary;

        public static class DiaryExport
        {
            public static void Write(TextWriter writer, Entry entry) =>
                writer.WriteLine(entry.Day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + "|" + entry.Note);
        }
        //- src/Diary/DiaryImport.cs
        using System;

        namespace Diary;

        public static class DiaryImport
        {
            public static Entry Read(string line)
            {
                var parts = line.Split('|');
                return new Entry(DateTime.Parse(parts[0]), parts[1]); // <- throws
            }
        }
        """, Format, "String '15/03/2026' was not recognized as a valid DateTime.",
        """
        //- src/Diary/DiaryImport.cs
        using System;
        using System.Globalization;

        namespace Diary;

        public static class DiaryImport
        {
            public static Entry Read(string line)
            {
                var parts = line.Split('|');
                return new Entry(DateTime.ParseExact(parts[0], "dd/MM/yyyy", CultureInfo.InvariantCulture), parts[1]);
            }
        }
        """);

    [Fact]
    public void Apply_ExactParseOfAnotherLayoutThanTheFormatConstant_AcceptsBoth() => RuleCheck.Fixes(Rule,
        """
        //- src/Rota/ShiftFile.cs
        using System;
        using System.Globalization;

        namespace Rota;

        public static class ShiftFile
        {
            public const string DayFormat = "yyyy-MM-dd";

            public static string Line(Shift shift) => shift.Day.ToString(DayFormat, CultureInfo.InvariantCulture) + "," + shift.Nurse;

            public static Shift Parse(string line)
            {
                var cells = line.Split(',');
                var day = DateOnly.ParseExact(cells[0], "dd.MM.yyyy", CultureInfo.InvariantCulture); // <- throws
                return new Shift(day, cells[1]);
            }
        }

        public sealed record Shift(DateOnly Day, string Nurse);
        """, Format, "String '2026-03-15' was not recognized as a valid DateOnly.",
        """
        //- src/Rota/ShiftFile.cs
        using System;
        using System.Globalization;

        namespace Rota;

        public static class ShiftFile
        {
            public const string DayFormat = "yyyy-MM-dd";

            public static string Line(Shift shift) => shift.Day.ToString(DayFormat, CultureInfo.InvariantCulture) + "," + shift.Nurse;

            public static Shift Parse(string line)
            {
                var cells = line.Split(',');
                var day = DateOnly.ParseExact(cells[0], new[] { "dd.MM.yyyy", DayFormat }, CultureInfo.InvariantCulture, DateTimeStyles.None);
                return new Shift(day, cells[1]);
            }
        }

        public sealed record Shift(DateOnly Day, string Nurse);
        """);

    [Fact]
    public void Apply_WholeNumberWithThousandsSeparators_AllowsThousandsAndAddsTheUsing() => RuleCheck.Fixes(Rule,
        """
        //- src/Stock/StockReport.cs
        using System.Globalization;

        namespace Stock;

        public static class StockReport
        {
            public static string Units(int units) => units.ToString("N0", CultureInfo.InvariantCulture);
        }
        //- src/Stock/StockReportReader.cs
        namespace Stock;

        public static class StockReportReader
        {
            public static int Units(string cell)
            {
                var units = int.Parse(cell.Trim()); // <- throws
                return units;
            }
        }
        """, Format, "The input string '12,500' was not in a correct format.",
        """
        //- src/Stock/StockReportReader.cs
        using System.Globalization;

        namespace Stock;

        public static class StockReportReader
        {
            public static int Units(string cell)
            {
                var units = int.Parse(cell.Trim(), NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                return units;
            }
        }
        """);

    [Fact]
    public void Apply_EnumWrittenLowerCase_ParsesIgnoringCase() => RuleCheck.Fixes(Rule,
        """
        //- src/Orders/OrderStatus.cs
        namespace Orders;

        public enum OrderStatus
        {
            Placed,
            Shipped,
        }
        //- src/Orders/StatusQuery.cs
        using System;

        namespace Orders;

        public static class StatusQuery
        {
            public static string Link(OrderStatus status) => "/orders?status=" + status.ToString().ToLowerInvariant();

            public static OrderStatus Read(string query) => Enum.Parse<OrderStatus>(query); // <- throws
        }
        """, "System.ArgumentException", "Requested value 'shipped' was not found.",
        """
        //- src/Orders/StatusQuery.cs
        using System;

        namespace Orders;

        public static class StatusQuery
        {
            public static string Link(OrderStatus status) => "/orders?status=" + status.ToString().ToLowerInvariant();

            public static OrderStatus Read(string query) => Enum.Parse<OrderStatus>(query, ignoreCase: true);
        }
        """);

    [Fact]
    public void Apply_DocumentationSaysIso8601_AcceptsIsoBesideTheParsedLayout() => RuleCheck.Fixes(Rule,
        """
        //- src/Bank/StatementLine.cs
        using System;
        using System.Globalization;

        namespace Bank;

        public static class StatementLine
        {
            /// <summary>Reads one statement line: the booking date (ISO 8601) and the amount in cents, separated by a tab.</summary>
            public static (DateTime Booked, long Cents) Read(string line)
            {
                var cells = line.Split('\t');
                var booked = DateTime.ParseExact(cells[0], "dd/MM/yyyy", CultureInfo.InvariantCulture); // <- throws
                return (booked, long.Parse(cells[1], CultureInfo.InvariantCulture));
            }
        }
        """, Format, "String '2026-03-15' was not recognized as a valid DateTime.",
        """
        //- src/Bank/StatementLine.cs
        using System;
        using System.Globalization;

        namespace Bank;

        public static class StatementLine
        {
            /// <summary>Reads one statement line: the booking date (ISO 8601) and the amount in cents, separated by a tab.</summary>
            public static (DateTime Booked, long Cents) Read(string line)
            {
                var cells = line.Split('\t');
                var booked = DateTime.ParseExact(cells[0], new[] { "dd/MM/yyyy", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None);
                return (booked, long.Parse(cells[1], CultureInfo.InvariantCulture));
            }
        }
        """);

    [Fact]
    public void Apply_MachineCultureAndNothingSaysTheFormat_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Forms/WeightField.cs
        namespace Forms;

        public static class WeightField
        {
            public static decimal Kilograms(string typed)
            {
                var kilograms = decimal.Parse(typed); // <- throws
                return kilograms;
            }
        }
        """, Format, "The input string '1.250,5' was not in a correct format.", "nothing in the code says which culture");

    [Fact]
    public void Apply_TwoLayoutsReadTheValueDifferently_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Travel/Itinerary.cs
        using System;
        using System.Globalization;

        namespace Travel;

        public static class Itinerary
        {
            public static string Uk(DateTime day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

            public static string Us(DateTime day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

            public static DateTime Read(string text) => DateTime.Parse(text); // <- throws
        }
        """, Format, "String '03/04/2026' was not recognized as a valid DateTime.", "more than one layout");

    [Fact]
    public void Apply_WritersUseTwoCultures_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Billing/AmountText.cs
        using System.Globalization;

        namespace Billing;

        public static class AmountText
        {
            private static readonly CultureInfo German = new("de-DE");

            public static string ForInvoice(decimal amount) => amount.ToString("N2", German);

            public static string ForExport(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

            public static decimal Read(string text) => decimal.Parse(text); // <- throws
        }
        """, Format, "The input string '1,234.50' was not in a correct format.", "more than one culture");

    [Fact]
    public void Apply_OnlyMachineCultureWriters_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Billing/AmountText.cs
        namespace Billing;

        public static class AmountText
        {
            public static string ForInvoice(decimal amount) => amount.ToString("N2");

            public static decimal Read(string text) => decimal.Parse(text); // <- throws
        }
        """, Format, "The input string '1,234.50' was not in a correct format.", "nothing in the code says which culture");

    [Fact]
    public void Apply_ExplicitLayoutAndNoOtherLayoutInTheCode_LeavesItToTheFormatRule() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Bookings/BookingParser.cs
        using System;
        using System.Globalization;

        namespace Bookings;

        public static class BookingParser
        {
            public static DateOnly Day(string typed) => DateOnly.ParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture); // <- throws

            public static string Reference(DateOnly day, int seat) => $"BK-{day:yyMMdd}-{seat:D3}";
        }
        """, Format, "String '06/06/2026' was not recognized as a valid DateOnly.");

    [Fact]
    public void Apply_TextIsNotAValueInAnyCulture_DoesNotApply() => RuleCheck.DoesNotApply(Rule,
        """
        //- src/Catalog/PriceText.cs
        using System.Globalization;

        namespace Catalog;

        public static class PriceText
        {
            public static string Write(decimal price) => price.ToString(CultureInfo.InvariantCulture);

            public static decimal Read(string text) => decimal.Parse(text); // <- throws
        }
        """, Format, "The input string 'twelve' was not in a correct format.");
}
