using System;
using System.Collections.Generic;
using Planning;

namespace Planning.Tests
{
    public class VelocityTests
    {
        private static Sprint S(string team, int n, int done, bool closed = true) =>
            new Sprint { Team = team, Number = n, Ends = new DateOnly(2026, 1, 1).AddDays(14 * n), CommittedPoints = 30, CompletedPoints = done, Closed = closed };

        [Fact]
        public void Rolling_LastThreeClosedSprints()
        {
            var sprints = new[] { S("core", 1, 10), S("core", 2, 20), S("core", 3, 25), S("core", 4, 28), S("core", 5, 99, closed: false) };
            Assert.Equal(24, Velocity.Rolling(sprints, "core"));
        }

        [Fact]
        public void Predictability_NothingCommitted_IsZero() => Assert.Equal(0, Velocity.Predictability(Array.Empty<Sprint>(), "core"));

        [Fact]
        public void Forecast_RoundsUp()
        {
            var forecast = ReleaseForecast.For(new[] { S("core", 1, 20), S("core", 2, 20) }, new Dictionary<string, int> { ["core"] = 50 });
            Assert.Equal(3, forecast[0].SprintsToClear);
        }
    }
}
