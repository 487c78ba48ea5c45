using System;
using Payroll;

namespace Payroll.Tests
{
    public class CalendarTests
    {
        private static readonly FixedHolidaySource Holidays = new(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28));

        [Fact]
        public void IsWorkingDay_BankHoliday_IsFalse()
        {
            Assert.False(new WorkingDayCalendar(Holidays).IsWorkingDay(new DateOnly(2026, 12, 25)));
        }

        [Fact]
        public void AddWorkingDays_SkipsWeekendAndHolidays()
        {
            // Thu 24th + 1 working day: Fri 25th and Mon 28th are holidays -> Tue 29th.
            Assert.Equal(new DateOnly(2026, 12, 29), new WorkingDayCalendar(Holidays).AddWorkingDays(new DateOnly(2026, 12, 24), 1));
        }

        [Fact]
        public void PayslipsDueBy_IsTwoWorkingDaysBeforePayDay()
        {
            var calendar = new WorkingDayCalendar(Holidays);
            calendar.IsWorkingDay(new DateOnly(2026, 1, 2));
            // Pay day Wed 25 Nov 2026 -> payslips Mon 23rd.
            Assert.Equal(new DateOnly(2026, 11, 23), new PaySchedule(calendar).PayslipsDueBy(2026, 11));
        }
    }
}
