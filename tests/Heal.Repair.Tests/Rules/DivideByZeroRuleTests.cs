using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class DivideByZeroRuleTests
{
    private const string Type = "System.DivideByZeroException";

    private static readonly DivideByZeroRule Rule = new();

    private static RuleResult Fixes(string before, string after) =>
        RuleCheck.Fixes(Rule, before, Type, "Attempted to divide by zero.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "Attempted to divide by zero.", reason);

    [Fact]
    public void Apply_AverageDocumentedAsZeroForNoItems_GuardsTheCount() => Fixes(
        """
        //- src/Sales/Stats.cs
        using System.Collections.Generic;

        namespace Sales;

        public static class Stats
        {
            /// <summary>Average order value in cents.</summary>
            /// <returns>The average, or 0 when there are no orders.</returns>
            public static long AverageCents(IReadOnlyCollection<Order> orders)
            {
                long total = 0;
                foreach (var order in orders)
                {
                    total += order.Cents;
                }

                return total / orders.Count; // <- throws
            }
        }

        public sealed record Order(long Cents);
        """,
        """
        //- src/Sales/Stats.cs
        using System.Collections.Generic;

        namespace Sales;

        public static class Stats
        {
            /// <summary>Average order value in cents.</summary>
            /// <returns>The average, or 0 when there are no orders.</returns>
            public static long AverageCents(IReadOnlyCollection<Order> orders)
            {
                long total = 0;
                foreach (var order in orders)
                {
                    total += order.Cents;
                }

                if (orders.Count == 0)
                {
                    return 0;
                }
                return total / orders.Count;
            }
        }

        public sealed record Order(long Cents);
        """);

    [Fact]
    public void Apply_SiblingGuardsTheSameDivisorInline_FollowsIt() => Fixes(
        """
        //- src/Jobs/Progress.cs
        namespace Jobs;

        public sealed class Progress
        {
            private int _done;
            private int _failed;
            private int _total;

            public int PercentDone => _total == 0 ? 0 : _done * 100 / _total;

            public int PercentFailed()
            {
                return _failed * 100 / _total; // <- throws
            }
        }
        """,
        """
        //- src/Jobs/Progress.cs
        namespace Jobs;

        public sealed class Progress
        {
            private int _done;
            private int _failed;
            private int _total;

            public int PercentDone => _total == 0 ? 0 : _done * 100 / _total;

            public int PercentFailed()
            {
                return _total == 0 ? 0 : _failed * 100 / _total;
            }
        }
        """);

    [Fact]
    public void Apply_LoopSkipsTeamsWithoutMembers_SkipsEmptyTeamsToo() => Fixes(
        """
        //- src/Budget/Planner.cs
        using System.Collections.Generic;

        namespace Budget;

        public sealed class Planner
        {
            public Dictionary<string, decimal> Plan(List<Team> teams) => new Allocator().Split(1000m, teams); // <- caller 1
        }
        //- src/Budget/Allocator.cs
        using System.Collections.Generic;

        namespace Budget;

        public sealed class Allocator
        {
            public Dictionary<string, decimal> Split(decimal budget, List<Team> teams)
            {
                var shares = new Dictionary<string, decimal>();
                foreach (var team in teams)
                {
                    if (team.Members is null)
                    {
                        continue;
                    }

                    shares[team.Name] = budget / team.Members.Count; // <- throws
                }

                return shares;
            }
        }

        public sealed record Team(string Name, List<string>? Members);
        """,
        """
        //- src/Budget/Allocator.cs
        using System.Collections.Generic;

        namespace Budget;

        public sealed class Allocator
        {
            public Dictionary<string, decimal> Split(decimal budget, List<Team> teams)
            {
                var shares = new Dictionary<string, decimal>();
                foreach (var team in teams)
                {
                    if (team.Members is null)
                    {
                        continue;
                    }

                    if (team.Members.Count == 0)
                    {
                        continue;
                    }
                    shares[team.Name] = budget / team.Members.Count;
                }

                return shares;
            }
        }

        public sealed record Team(string Name, List<string>? Members);
        """);

    [Fact]
    public void Apply_FileUsesBracelessGuardsAndTwoSpaces_FollowsTheFile() => Fixes(
        """
        //- src/Media/Bitrate.cs
        namespace Media {
          public static class Bitrate {
            public static int KilobitsPerSecond(int[] sizes, int seconds) {
              if (sizes == null) return 0;
              int bits = 0;
              foreach (int size in sizes) bits += size * 8;
              return bits / 1000 / seconds; // <- throws
            }
          }
        }
        """,
        """
        //- src/Media/Bitrate.cs
        namespace Media {
          public static class Bitrate {
            public static int KilobitsPerSecond(int[] sizes, int seconds) {
              if (sizes == null) return 0;
              int bits = 0;
              foreach (int size in sizes) bits += size * 8;
              if (seconds == 0) return 0;
              return bits / 1000 / seconds;
            }
          }
        }
        """);

    [Fact]
    public void Apply_FloatingPointDivision_Declines() => Declines(
        """
        //- src/Physics/Speed.cs
        namespace Physics;

        public static class Speed
        {
            public static double MetersPerSecond(double meters, double seconds)
            {
                return meters / seconds; // <- throws
            }
        }
        """,
        "no integer");

    [Fact]
    public void Apply_DivisorComputedOnTheSpot_HoistsItIntoALocalOnProbation()
    {
        // Once the computed divisor is a local, the method's own "nothing" exit answers a zero divisor like any other's.
        var result = Fixes(
            """
            //- src/Teams/Load.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Teams;

            public static class Load
            {
                public static int PerActiveMember(int tasks, List<Member> members)
                {
                    if (members is null) return 0;
                    return tasks / members.Count(m => m.Active); // <- throws
                }
            }

            public sealed record Member(bool Active);
            """,
            """
            //- src/Teams/Load.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Teams;

            public static class Load
            {
                public static int PerActiveMember(int tasks, List<Member> members)
                {
                    if (members is null) return 0;
                    var divisor = members.Count(m => m.Active);
                    if (divisor == 0) return 0;
                    return tasks / divisor;
                }
            }

            public sealed record Member(bool Active);
            """);
        Assert.True(result.OnProbation);
    }

    [Fact]
    public void Apply_NoNeutralResultEvident_Declines() => Declines(
        """
        //- src/Print/Layout.cs
        namespace Print;

        public sealed class Layout
        {
            public int Columns { get; private set; }

            public void Fit(int width, int columnWidth)
            {
                Columns = width / columnWidth; // <- throws
            }
        }
        """,
        "does not show");
}
