using System.Collections.Generic;
using System.Linq;

namespace Planning
{
    public static class Velocity
    {
        public const int Window = 3;

        /// <summary>
        /// Rolling velocity: average completed points over the team's last <see cref="Window"/> closed sprints,
        /// rounded down. 0 for a team that has not closed a sprint yet.
        /// </summary>
        public static int Rolling(IEnumerable<Sprint> sprints, string team)
        {
            var recent = sprints
                .Where(s => s.Team == team && s.Closed)
                .OrderByDescending(s => s.Number)
                .Take(Window)
                .ToList();
            return recent.Sum(s => s.CompletedPoints) / recent.Count;
        }

        /// <summary>Share of committed points delivered over all closed sprints, 0-100. 0 when nothing was committed.</summary>
        public static int Predictability(IEnumerable<Sprint> sprints, string team)
        {
            var closed = sprints.Where(s => s.Team == team && s.Closed).ToList();
            var committed = closed.Sum(s => s.CommittedPoints);
            if (committed == 0)
                return 0;
            return closed.Sum(s => s.CompletedPoints) * 100 / committed;
        }
    }
}
