using System;
using System.Collections.Generic;

namespace Payroll
{
    /// <summary>Staff are paid on the 25th; when that is not a working day, on the working day before it.</summary>
    public class PaySchedule
    {
        public const int PayDay = 25;
        private readonly WorkingDayCalendar _calendar;

        public PaySchedule(WorkingDayCalendar calendar)
        {
            _calendar = calendar;
        }

        public DateOnly PayDateFor(int year, int month)
        {
            return _calendar.OnOrBefore(new DateOnly(year, month, PayDay));
        }

        public DateOnly PayslipsDueBy(int year, int month)
        {
            // Payslips go out two working days before pay day.
            var payDate = PayDateFor(year, month);
            var due = payDate.AddDays(-1);
            var count = 0;
            while (true)
            {
                if (_calendar.IsWorkingDay(due) && ++count == 2)
                    return due;
                due = due.AddDays(-1);
            }
        }

        public IReadOnlyList<DateOnly> PayDatesFor(int year)
        {
            var dates = new List<DateOnly>();
            for (var month = 1; month <= 12; month++)
                dates.Add(PayDateFor(year, month));
            return dates;
        }
    }
}
