using System;
using Payroll;

namespace Payroll.Behaviour.Tests
{
    public class PayDateBehaviour
    {
        private static readonly FixedHolidaySource Holidays = new(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 1));

        [Fact]
        public void PayDateFor_ChristmasOnFriday_IsThursdayBefore()
        {
            Assert.Equal(new DateOnly(2026, 12, 24), new PaySchedule(new WorkingDayCalendar(Holidays)).PayDateFor(2026, 12));
        }

        [Fact]
        public void PayDateFor_Weekend_IsFridayBefore()
        {
            // 25 Oct 2026 is a Sunday.
            Assert.Equal(new DateOnly(2026, 10, 23), new PaySchedule(new WorkingDayCalendar(Holidays)).PayDateFor(2026, 10));
        }

        [Fact]
        public void OnOrBefore_FirstCall_HonoursHolidays()
        {
            Assert.Equal(new DateOnly(2026, 12, 24), new WorkingDayCalendar(Holidays).OnOrBefore(new DateOnly(2026, 12, 28)));
        }

        [Fact]
        public void PayDatesFor_Year_HasTwelveWorkingDays()
        {
            var calendar = new WorkingDayCalendar(Holidays);
            var dates = new PaySchedule(calendar).PayDatesFor(2026);
            Assert.Equal(12, dates.Count);
            Assert.All(dates, d => Assert.True(calendar.IsWorkingDay(d)));
            Assert.Equal(new DateOnly(2026, 12, 24), dates[11]);
        }
    }
}
