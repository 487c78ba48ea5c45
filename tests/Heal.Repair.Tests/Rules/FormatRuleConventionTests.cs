using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// FormatRule beyond the throwing line: the parse a Release build reported a nearby line for, a method that rejects bad
/// values with an exception of its own, and values well-formed in another format, which must never be skipped silently.
/// </summary>
public sealed class FormatRuleConventionTests
{
    private const string Type = "System.FormatException";

    private static readonly FormatRule Rule = new();

    [Fact]
    public void Apply_DomainExceptionAlreadyRejectsTheValueLater_ThrowsItOnTheSameField() => RuleCheck.Fixes(Rule,
        """
        //- src/Shipping/LabelRequestReader.cs
        using System.Globalization;

        namespace Shipping;

        public sealed class LabelRequestReader
        {
            public LabelRequest Read(LabelForm form)
            {
                var recipient = form.Recipient.Trim();
                if (recipient.Length == 0)
                    throw new InvalidLabelException("recipient", "Who should receive the parcel?");

                var weight = decimal.Parse(form.WeightKg, NumberStyles.Number, CultureInfo.InvariantCulture); // <- throws
                if (weight <= 0m || weight > 30m)
                    throw new InvalidLabelException("weightKg", "Parcels weigh between 0 and 30 kg.");

                return new LabelRequest(recipient, weight);
            }
        }

        public sealed class LabelForm
        {
            public string Recipient { get; init; } = "";
            public string WeightKg { get; init; } = "";
        }

        public sealed record LabelRequest(string Recipient, decimal WeightKg);

        public sealed class InvalidLabelException(string field, string message) : System.Exception(message)
        {
            public string Field { get; } = field;
        }
        """, Type, "The input string 'two kilos' was not in a correct format.",
        """
        //- src/Shipping/LabelRequestReader.cs
        using System.Globalization;

        namespace Shipping;

        public sealed class LabelRequestReader
        {
            public LabelRequest Read(LabelForm form)
            {
                var recipient = form.Recipient.Trim();
                if (recipient.Length == 0)
                    throw new InvalidLabelException("recipient", "Who should receive the parcel?");

                if (!decimal.TryParse(form.WeightKg, NumberStyles.Number, CultureInfo.InvariantCulture, out var weight))
                    throw new InvalidLabelException("weightKg", "WeightKg must be a number.");
                if (weight <= 0m || weight > 30m)
                    throw new InvalidLabelException("weightKg", "Parcels weigh between 0 and 30 kg.");

                return new LabelRequest(recipient, weight);
            }
        }

        public sealed class LabelForm
        {
            public string Recipient { get; init; } = "";
            public string WeightKg { get; init; } = "";
        }

        public sealed record LabelRequest(string Recipient, decimal WeightKg);

        public sealed class InvalidLabelException(string field, string message) : System.Exception(message)
        {
            public string Field { get; } = field;
        }
        """);

    [Fact]
    public void Apply_ReleaseLineIsAnEarlierGuard_FindsTheParseTheNextFrameNames() => RuleCheck.Fixes(Rule,
        """
        //- src/Clinic/AppointmentParser.cs
        using System;
        using System.Globalization;

        namespace Clinic;

        public static class AppointmentParser
        {
            public static Appointment Parse(string patient, string day, string slot)
            {
                if (string.IsNullOrWhiteSpace(patient))
                    throw new AppointmentException(nameof(patient), "A patient is required."); // <- throws

                var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!TimeOnly.TryParseExact(slot, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    throw new AppointmentException(nameof(slot), "Slots look like 09:30.");

                return new Appointment(patient, date.ToDateTime(time));
            }
        }

        public sealed record Appointment(string Patient, DateTime Start);

        public sealed class AppointmentException(string field, string message) : Exception(message)
        {
            public string Field { get; } = field;
        }
        """, Type, "String 'tomorrow' was not recognized as a valid DateOnly.",
        """
        //- src/Clinic/AppointmentParser.cs
        using System;
        using System.Globalization;

        namespace Clinic;

        public static class AppointmentParser
        {
            public static Appointment Parse(string patient, string day, string slot)
            {
                if (string.IsNullOrWhiteSpace(patient))
                    throw new AppointmentException(nameof(patient), "A patient is required.");

                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new AppointmentException(nameof(day), "Day must be a date in the format yyyy-MM-dd.");
                if (!TimeOnly.TryParseExact(slot, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    throw new AppointmentException(nameof(slot), "Slots look like 09:30.");

                return new Appointment(patient, date.ToDateTime(time));
            }
        }

        public sealed record Appointment(string Patient, DateTime Start);

        public sealed class AppointmentException(string field, string message) : Exception(message)
        {
            public string Field { get; } = field;
        }
        """,
        SiteEvent.CalledLibrary("DateOnly DateOnly.ParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style)"));

    [Fact]
    public void Apply_OtherFieldsNamedAfterTheirParsedValues_NamesTheFieldAfterThisValue() => RuleCheck.Fixes(Rule,
        """
        //- src/Fleet/OdometerReading.cs
        using System;
        using System.Globalization;

        namespace Fleet;

        public static class OdometerReading
        {
            public static Reading From(string vehicleText, string kilometresText, string takenText)
            {
                if (!int.TryParse(vehicleText, NumberStyles.None, CultureInfo.InvariantCulture, out var vehicle))
                {
                    throw new ReadingRejected("vehicle", "The vehicle number has digits only.");
                }

                var kilometres = int.Parse(kilometresText, NumberStyles.None, CultureInfo.InvariantCulture); // <- throws
                if (!DateTime.TryParse(takenText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var taken))
                {
                    throw new ReadingRejected("taken", "The reading time is not a date.");
                }

                return new Reading(vehicle, kilometres, taken);
            }
        }

        public sealed record Reading(int Vehicle, int Kilometres, DateTime Taken);

        public sealed class ReadingRejected(string field, string reason) : Exception(reason)
        {
            public string Field { get; } = field;
        }
        """, Type, "The input string '12 345' was not in a correct format.",
        """
        //- src/Fleet/OdometerReading.cs
        using System;
        using System.Globalization;

        namespace Fleet;

        public static class OdometerReading
        {
            public static Reading From(string vehicleText, string kilometresText, string takenText)
            {
                if (!int.TryParse(vehicleText, NumberStyles.None, CultureInfo.InvariantCulture, out var vehicle))
                {
                    throw new ReadingRejected("vehicle", "The vehicle number has digits only.");
                }

                if (!int.TryParse(kilometresText, NumberStyles.None, CultureInfo.InvariantCulture, out var kilometres))
                {
                    throw new ReadingRejected("kilometres", "Kilometres must be a whole number.");
                }
                if (!DateTime.TryParse(takenText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var taken))
                {
                    throw new ReadingRejected("taken", "The reading time is not a date.");
                }

                return new Reading(vehicle, kilometres, taken);
            }
        }

        public sealed record Reading(int Vehicle, int Kilometres, DateTime Taken);

        public sealed class ReadingRejected(string field, string reason) : Exception(reason)
        {
            public string Field { get; } = field;
        }
        """);

    [Fact]
    public void Apply_TwoKindsOfOwnException_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Payroll/TimesheetParser.cs
        using System;
        using System.Globalization;

        namespace Payroll;

        public static class TimesheetParser
        {
            public static Entry Parse(string employee, string hoursText)
            {
                if (employee.Length == 0)
                    throw new MissingFieldException("employee", "Who worked these hours?");
                if (employee.Contains(' '))
                    throw new BadFieldException("employee", "Employee ids have no spaces.");

                var hours = decimal.Parse(hoursText, CultureInfo.InvariantCulture); // <- throws
                return new Entry(employee, hours);
            }
        }

        public sealed record Entry(string Employee, decimal Hours);

        public sealed class MissingFieldException(string field, string message) : Exception(message);

        public sealed class BadFieldException(string field, string message) : Exception(message);
        """, Type, "The input string 'eight' was not in a correct format.", "more than one exception");

    [Fact]
    public void Apply_FieldNamesFollowNoVisibleRule_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Payroll/TimesheetParser.cs
        using System;
        using System.Globalization;

        namespace Payroll;

        public static class TimesheetParser
        {
            public static Entry Parse(string employee, string hoursText)
            {
                if (employee.Length == 0)
                    throw new TimesheetException("E100", "Who worked these hours?");
                if (employee.Contains(' '))
                    throw new TimesheetException("E101", "Employee ids have no spaces.");

                var hours = decimal.Parse(hoursText, CultureInfo.InvariantCulture); // <- throws
                return new Entry(employee, hours);
            }
        }

        public sealed record Entry(string Employee, decimal Hours);

        public sealed class TimesheetException(string code, string message) : Exception(message);
        """, Type, "The input string 'eight' was not in a correct format.", "field name");

    [Fact]
    public void Apply_WellFormedDateInAnotherLayoutWouldBeSkipped_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Import/Visits.cs
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        namespace Import;

        public static class Visits
        {
            public static List<DateTime> Dates(IEnumerable<string> cells)
            {
                var dates = new List<DateTime>();
                foreach (var cell in cells)
                {
                    if (string.IsNullOrWhiteSpace(cell))
                    {
                        continue;
                    }

                    var date = DateTime.ParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture); // <- throws
                    dates.Add(date);
                }

                return dates;
            }
        }
        """, Type, "String '15/03/2026' was not recognized as a valid DateTime.", "drop it silently");

    [Fact]
    public void Apply_NumberWithDecimalCommaWouldBecomeNull_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Reports/Query.cs
        namespace Reports;

        public static class Query
        {
            public static decimal? Threshold(string? text)
            {
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                var threshold = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture); // <- throws
                return threshold;
            }
        }
        """, Type, "The input string '1.250,75' was not in a correct format.", "a number with a decimal comma");

    [Fact]
    public void Apply_WellFormedValueRejectedWithARecordedError_FixesWithTheReportingPath() => RuleCheck.Fixes(Rule,
        """
        //- src/Import/Visits.cs
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        namespace Import;

        public static class Visits
        {
            public static List<DateTime> Dates(IEnumerable<string> cells, List<string> problems)
            {
                var dates = new List<DateTime>();
                foreach (var cell in cells)
                {
                    if (!DateTime.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    {
                        problems.Add($"'{cell}' is not a date like 2026-03-15.");
                        continue;
                    }

                    var date = DateTime.ParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1); // <- throws
                    dates.Add(first);
                    dates.Add(date);
                }

                return dates;
            }
        }
        """, Type, "String '15/03/2026' was not recognized as a valid DateTime.",
        """
        //- src/Import/Visits.cs
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        namespace Import;

        public static class Visits
        {
            public static List<DateTime> Dates(IEnumerable<string> cells, List<string> problems)
            {
                var dates = new List<DateTime>();
                foreach (var cell in cells)
                {
                    if (!DateTime.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    {
                        problems.Add($"'{cell}' is not a date like 2026-03-15.");
                        continue;
                    }

                    if (!DateTime.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cellValue))
                    {
                        problems.Add($"'{cell}' is not a date like 2026-03-15.");
                        continue;
                    }
                    var date = cellValue.AddDays(1);
                    dates.Add(first);
                    dates.Add(date);
                }

                return dates;
            }
        }
        """);

    [Fact]
    public void Apply_ReleaseLineWithTwoParsesAndNoLibraryFrame_Declines() => RuleCheck.Declines(Rule,
        """
        //- src/Clinic/AppointmentParser.cs
        using System;
        using System.Globalization;

        namespace Clinic;

        public static class AppointmentParser
        {
            public static DateTime Parse(string patient, string day, string slot)
            {
                if (string.IsNullOrWhiteSpace(patient))
                    throw new ArgumentException("A patient is required.", nameof(patient)); // <- throws

                var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var time = TimeOnly.ParseExact(slot, "HH:mm", CultureInfo.InvariantCulture);
                return date.ToDateTime(time);
            }
        }
        """, Type, "String 'tomorrow' was not recognized as a valid DateOnly.", "no parse of text was found");
}
