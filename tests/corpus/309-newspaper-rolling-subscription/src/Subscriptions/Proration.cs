using System;

namespace Subscriptions
{
    public static class Proration
    {
        /// <summary>Days of the month on which the subscription delivers.</summary>
        public static int BillableDays(Subscription sub, int year, int month)
        {
            var first = new DateOnly(year, month, 1);
            var last = first.AddMonths(1).AddDays(-1);

            var from = sub.StartsOn > first ? sub.StartsOn : first;
            var to = sub.EndsOn.Value < last ? sub.EndsOn.Value : last;
            return to < from ? 0 : to.DayNumber - from.DayNumber + 1;
        }

        /// <summary>The month's charge: the monthly price for a full month, pro rata by day otherwise.</summary>
        public static decimal Charge(Subscription sub, int year, int month)
        {
            var days = BillableDays(sub, year, month);
            var daysInMonth = DateTime.DaysInMonth(year, month);
            return days == daysInMonth ? sub.MonthlyPrice : Math.Round(sub.MonthlyPrice * days / daysInMonth, 2);
        }
    }
}
