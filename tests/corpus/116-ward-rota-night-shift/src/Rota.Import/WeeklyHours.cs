using Rota.Domain;

namespace Rota.Import;

public static class WeeklyHours
{
    public static IReadOnlyDictionary<string, (double Total, double Night)> ByStaff(IEnumerable<Shift> shifts) =>
        shifts.GroupBy(s => s.StaffId)
            .ToDictionary(g => g.Key, g => (g.Sum(s => s.Hours), g.Sum(s => s.NightHours())));
}
