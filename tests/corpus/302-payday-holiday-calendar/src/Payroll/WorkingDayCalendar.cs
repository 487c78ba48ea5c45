using System;
using System.Collections.Generic;

namespace Payroll
{
    /// <summary>
    /// Working days for the payroll office: Monday to Friday, except bank holidays.
    /// Holidays are read from the source on first use, for the years around the first date asked about.
    /// </summary>
    public class WorkingDayCalendar
    {
        private readonly IHolidaySource _source;
        private HashSet<DateOnly> _holidays;
        private int _loadedFrom;
        private int _loadedTo;

        public WorkingDayCalendar(IHolidaySource source)
        {
            _source = source;
        }

        public bool IsWorkingDay(DateOnly date)
        {
            EnsureLoaded(date.Year);
            if (date.DayOfWeek == DayOfWeek.Saturday || date.DayOfWeek == DayOfWeek.Sunday)
                return false;
            return !_holidays.Contains(date);
        }

        public DateOnly AddWorkingDays(DateOnly date, int days)
        {
            var current = date;
            while (days > 0)
            {
                current = current.AddDays(1);
                if (IsWorkingDay(current))
                    days--;
            }
            return current;
        }

        /// <summary>The date itself if it is a working day, otherwise the last working day before it.</summary>
        public DateOnly OnOrBefore(DateOnly date)
        {
            var current = date;
            while (current.DayOfWeek == DayOfWeek.Saturday || current.DayOfWeek == DayOfWeek.Sunday || _holidays.Contains(current))
                current = current.AddDays(-1);
            return current;
        }

        private void EnsureLoaded(int year)
        {
            if (_holidays != null && year >= _loadedFrom && year <= _loadedTo)
                return;

            _holidays ??= new HashSet<DateOnly>();
            _loadedFrom = _holidays.Count == 0 ? year - 1 : Math.Min(_loadedFrom, year - 1);
            _loadedTo = Math.Max(_loadedTo, year + 1);
            for (var y = _loadedFrom; y <= _loadedTo; y++)
                _holidays.UnionWith(_source.BankHolidays(y));
        }
    }
}
