using System.Collections.Generic;

namespace Planning
{
    public class TeamForecast
    {
        public string Team { get; set; }
        public int BacklogPoints { get; set; }
        public int Velocity { get; set; }

        /// <summary>Sprints needed to clear the backlog; null when the team has no velocity to forecast from.</summary>
        public int? SprintsToClear { get; set; }
    }

    public static class ReleaseForecast
    {
        public static List<TeamForecast> For(IReadOnlyList<Sprint> sprints, IDictionary<string, int> backlogByTeam)
        {
            var result = new List<TeamForecast>();
            foreach (var entry in backlogByTeam)
            {
                var velocity = Velocity.Rolling(sprints, entry.Key);
                result.Add(new TeamForecast
                {
                    Team = entry.Key,
                    BacklogPoints = entry.Value,
                    Velocity = velocity,
                    SprintsToClear = velocity == 0 ? null : (entry.Value + velocity - 1) / velocity,
                });
            }
            return result;
        }
    }
}
