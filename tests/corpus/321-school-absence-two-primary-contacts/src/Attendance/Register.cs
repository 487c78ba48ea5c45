using System;
using System.Collections.Generic;

namespace Attendance
{
    public static class Register
    {
        /// <summary>UPNs marked "N" (no reason yet) in the morning register export: "UPN,mark" per line.</summary>
        public static HashSet<string> UnexplainedAbsences(string export)
        {
            var absent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in export.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(',');
                if (parts.Length == 2 && parts[1].Trim() == "N")
                    absent.Add(parts[0].Trim());
            }
            return absent;
        }
    }
}
