using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Siblings answer the empty result of their own computation for an absent sequence: absent means empty.</summary>
public sealed class EmptyBySiblingsTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";
    private static readonly NullReferenceRule Rule = new();

    [Fact]
    public void Apply_ForEachOverSequenceSiblingsTreatAsEmpty_IteratesEmptySequence()
    {
        RuleCheck.Fixes(Rule, Playlist("""
                    if (list.Tracks == null)
                    {
                        return 0;
                    }
            """), Nre, Message, """
            //- src/Music/Durations.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Music;

            public static class Durations
            {
                public static int TrackCount(Playlist list)
                {
                    if (list.Tracks == null)
                    {
                        return 0;
                    }

                    return list.Tracks.Count();
                }

                public static int Seconds(Playlist list)
                {
                    var total = 0;
                    foreach (var track in list.Tracks ?? Enumerable.Empty<Track>())
                    {
                        total += track.Seconds;
                    }

                    return total;
                }
            }

            public sealed class Playlist { public List<Track> Tracks { get; set; } }
            public sealed class Track { public int Seconds { get; set; } }
            """);
    }

    [Fact]
    public void Apply_SiblingThrowsForTheSameAbsence_CopiesTheThrowInsteadOfIteratingEmpty()
    {
        var result = RuleCheck.Fixes(Rule, Playlist("""
                    if (list.Tracks == null)
                    {
                        throw new System.InvalidOperationException("no tracks");
                    }
            """), Nre, Message, Playlist("""
                    if (list.Tracks == null)
                    {
                        throw new System.InvalidOperationException("no tracks");
                    }
            """).Replace("        var total = 0;\n", "        var total = 0;\n        if (list.Tracks == null)\n        {\n            throw new System.InvalidOperationException(\"no tracks\");\n        }\n\n", StringComparison.Ordinal)
            .Replace(" // <- throws", "", StringComparison.Ordinal));
        Assert.DoesNotContain("Enumerable.Empty", result.Edits[0].NewText, StringComparison.Ordinal);
    }

    private static string Playlist(string guard) => $$"""
        //- src/Music/Durations.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Music;

        public static class Durations
        {
            public static int TrackCount(Playlist list)
            {
        {{guard.TrimEnd()}}

                return list.Tracks.Count();
            }

            public static int Seconds(Playlist list)
            {
                var total = 0;
                foreach (var track in list.Tracks) // <- throws
                {
                    total += track.Seconds;
                }

                return total;
            }
        }

        public sealed class Playlist { public List<Track> Tracks { get; set; } }
        public sealed class Track { public int Seconds { get; set; } }
        """;
}
