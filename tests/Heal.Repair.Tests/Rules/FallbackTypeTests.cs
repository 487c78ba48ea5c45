using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// A sibling's <c>x?.Count ?? 0</c> is a fallback for the count, not for <c>x</c>: where the crash enumerates or passes the
/// value itself, that <c>0</c> is no candidate (it would not compile). Each snippet is new code in another domain.
/// </summary>
public sealed class FallbackTypeTests
{
    private const string NullReference = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";

    [Fact]
    public void Apply_SiblingCountFallbackForAnEnumeratedList_NeverOffersIt()
    {
        AssertNoIllTypedFallback("""
            //- src/Choir/Rehearsal.cs
            using System.Collections.Generic;

            namespace Choir;

            public sealed class Section
            {
                public List<string>? Singers { get; set; }
            }

            public sealed class Rehearsal
            {
                public int Headcount(Section section) => section.Singers?.Count ?? 0;

                public string RollCall(Section section)
                {
                    var names = "";
                    foreach (var singer in section.Singers) // <- throws
                    {
                        names += singer + ";";
                    }

                    return names;
                }
            }
            """, "Singers ?? 0");
    }

    [Fact]
    public void Apply_SiblingLengthFallbackForAnEnumeratedString_NeverOffersIt()
    {
        AssertNoIllTypedFallback("""
            //- src/Depot/Manifest.cs
            namespace Depot;

            public sealed class Crate
            {
                public string? Seal { get; set; }
            }

            public static class Manifest
            {
                public static int SealWidth(Crate crate) => crate.Seal?.Length ?? 0;

                public static int Checksum(Crate crate)
                {
                    var sum = 0;
                    foreach (var c in crate.Seal) // <- throws
                    {
                        sum += c;
                    }

                    return sum;
                }
            }
            """, "Seal ?? 0");
    }

    [Fact]
    public void Apply_SiblingNumberForAnEnumMember_DoesNotSubstituteIt()
    {
        AssertNoIllTypedFallback("""
            //- src/Stable/Horses.cs
            namespace Stable;

            public enum Gait { Walk, Trot, Canter }

            public sealed class Rider
            {
                public Gait Preferred { get; set; }
            }

            public sealed class Horse
            {
                public Rider? Rider { get; set; }

                public bool Relaxed() => (Rider?.Preferred ?? 0) == Gait.Walk;

                public Gait Warmup()
                {
                    return Rider.Preferred; // <- throws
                }
            }
            """, "?? 0");
    }

    private static void AssertNoIllTypedFallback(string fixture, string forbidden)
    {
        var site = RuleFixture.Build(fixture, NullReference, Message);
        var result = new NullReferenceRule().Apply(site, CancellationToken.None);
        Assert.NotNull(result);
        Assert.DoesNotContain(result!.Edits, e => e.NewText.Contains(forbidden, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Candidates.IsDefaultOrEmpty ? [] : result.Candidates.SelectMany(c => c.Edits), e => e.NewText.Contains(forbidden, StringComparison.Ordinal));
        if (!result.IsDecline)
        {
            RuleCheck.AssertCompilesAsBefore(site, result);
        }
    }
}
