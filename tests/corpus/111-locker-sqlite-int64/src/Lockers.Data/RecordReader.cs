using System;
using System.Data;
using System.Globalization;

namespace Lockers.Data
{
    /// <summary>
    /// Typed access to data record columns by name. The lockers run on SQLite at the kiosk and on SQL Server in
    /// the back office; the providers disagree on numeric widths (SQLite returns every INTEGER column as Int64
    /// and every REAL as Double, whatever the column was declared as), so values are converted, not cast.
    /// </summary>
    public static class RecordReader
    {
        public static string ReadString(this IDataRecord record, string column)
        {
            var value = record[column];
            return value is DBNull ? null : (string)value;
        }

        public static int ReadInt32(this IDataRecord record, string column)
        {
            return (int)record[column];
        }

        public static decimal ReadDecimal(this IDataRecord record, string column)
        {
            return Convert.ToDecimal(record[column], CultureInfo.InvariantCulture);
        }

        public static bool ReadBoolean(this IDataRecord record, string column)
        {
            return Convert.ToBoolean(record[column], CultureInfo.InvariantCulture);
        }

        public static DateTime? ReadDateTime(this IDataRecord record, string column)
        {
            var value = record[column];
            if (value is DBNull) return null;
            return value is string text
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : Convert.ToDateTime(value, CultureInfo.InvariantCulture);
        }
    }
}
