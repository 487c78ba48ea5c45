using System;
using System.Collections.Generic;
using System.Linq;
using Planning;

namespace Planning.Behaviour.Tests
{
    public class NewTeamBehaviour
    {
        private static Sprint S(string team, int n, int done, bool closed = true) =>
            new Sprint { Team = team, Number = n, Ends = new DateOnly(2026, 1, 1).AddDays(14 * n), CommittedPoints = 30, CompletedPoints = done, Closed = closed };

        [Fact]
        public void Rolling_TeamWithOnlyAnOpenSprint_IsZero() => Assert.Equal(0, Velocity.Rolling(new[] { S("mobile", 1, 12, closed: false) }, "mobile"));

        [Fact]
        public void Rolling_UnknownTeam_IsZero() => Assert.Equal(0, Velocity.Rolling(new[] { S("core", 1, 12) }, "data"));

        [Fact]
        public void Forecast_NewTeam_HasNoForecastAndOthersAreKept()
        {
            var sprints = new[] { S("core", 1, 21), S("core", 2, 19), S("mobile", 1, 8, closed: false) };
            var forecast = ReleaseForecast.For(sprints, new Dictionary<string, int> { ["core"] = 100, ["mobile"] = 40 });
            Assert.Equal(new[] { "core", "mobile" }, forecast.Select(f => f.Team));
            Assert.Equal(5, forecast[0].SprintsToClear);
            Assert.Equal(0, forecast[1].Velocity);
            Assert.Null(forecast[1].SprintsToClear);
            Assert.Equal(40, forecast[1].BacklogPoints);
        }
    }
}
