using System;
using System.Collections.Generic;

namespace Payroll
{
    public interface IHolidaySource
    {
        IEnumerable<DateOnly> BankHolidays(int year);
    }

    public sealed class FixedHolidaySource : IHolidaySource
    {
        private readonly DateOnly[] _days;

        public FixedHolidaySource(params DateOnly[] days)
        {
            _days = days;
        }

        public IEnumerable<DateOnly> BankHolidays(int year)
        {
            foreach (var d in _days)
                if (d.Year == year) yield return d;
        }
    }
}
