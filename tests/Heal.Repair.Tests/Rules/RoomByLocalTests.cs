using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Fixes that need room first (<see cref="RewrittenSite"/>): a value computed on the spot (a divisor, a key) moved into a
/// local before its statement (<c>LocalHoist</c>) so it can be tested once. Fresh snippets in
/// domains of their own (nullable on and off, tabs and spaces, Allman and K&amp;R), and look-alikes that must still decline:
/// nothing documented, the failing code on one branch only, or a call with effects evaluated before the hoisted value.
/// </summary>
public sealed class RoomByLocalTests
{
    [Fact]
    public void DivisorCountedOnTheSpot_HoistsItIntoALocalAndGuardsIt()
    {
        var result = RuleCheck.Fixes(new DivideByZeroRule(), """
            //- src/Fitness/Training.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Fitness;

            public sealed record Session(int Minutes, bool Completed);

            public static class Training
            {
                /// <summary>Average length of the completed sessions, in minutes.</summary>
                /// <returns>The average, or 0 when no session was completed.</returns>
                public static int AverageMinutes(IReadOnlyList<Session> sessions)
                {
                    var total = sessions.Where(s => s.Completed).Sum(s => s.Minutes);
                    return total / sessions.Count(s => s.Completed); // <- throws
                }
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", """
            //- src/Fitness/Training.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Fitness;

            public sealed record Session(int Minutes, bool Completed);

            public static class Training
            {
                /// <summary>Average length of the completed sessions, in minutes.</summary>
                /// <returns>The average, or 0 when no session was completed.</returns>
                public static int AverageMinutes(IReadOnlyList<Session> sessions)
                {
                    var total = sessions.Where(s => s.Completed).Sum(s => s.Minutes);
                    var divisor = sessions.Count(s => s.Completed);
                    if (divisor == 0)
                    {
                        return 0;
                    }
                    return total / divisor;
                }
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void DivisorQueriedInADeclarationTabsAndKAndR_HoistsAndGuards()
    {
        var result = RuleCheck.Fixes(new DivideByZeroRule(), """
            //- src/Cards/Pot.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Cards {
            	public class Player {
            		public bool Folded;
            	}

            	public class Pot {
            		/// <summary>Splits the pot between the players still in the hand.</summary>
            		/// <returns>Each share, or 0 when there are no players.</returns>
            		public static int Share(int pot, List<Player> players) {
            			if (pot <= 0) {
            				return 0;
            			}
            			int share = pot / players.Where(p => !p.Folded).Count(); // <- throws
            			return share;
            		}
            	}
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", """
            //- src/Cards/Pot.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Cards {
            	public class Player {
            		public bool Folded;
            	}

            	public class Pot {
            		/// <summary>Splits the pot between the players still in the hand.</summary>
            		/// <returns>Each share, or 0 when there are no players.</returns>
            		public static int Share(int pot, List<Player> players) {
            			if (pot <= 0) {
            				return 0;
            			}
            			int divisor = players.Where(p => !p.Folded).Count();
            			if (divisor == 0) {
            				return 0;
            			}
            			int share = pot / divisor;
            			return share;
            		}
            	}
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void DivisorAfterACallWithEffects_Declines()
    {
        RuleCheck.Declines(new DivideByZeroRule(), """
            //- src/Metering/Meter.cs
            namespace Metering;

            public sealed class Meter
            {
                private int _reads;
                private int _total;

                /// <summary>The mean reading so far.</summary>
                /// <returns>The mean, or 0 when nothing was read.</returns>
                public int Mean()
                {
                    return Bump() / NextWindow(); // <- throws
                }

                private int Bump() => _total += ++_reads;

                private int NextWindow() => _reads - 1;
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", "computed on the spot");
    }

    [Fact]
    public void KeyComputedByACall_HoistsTheKeyAndGuards()
    {
        var result = RuleCheck.Fixes(new KeyNotFoundRule(), """
            //- src/Billing/Rates.cs
            #nullable enable
            using System.Collections.Generic;

            namespace Billing;

            public sealed class UnknownCurrencyException : System.Exception
            {
                public UnknownCurrencyException(string code) : base(code) { }
            }

            public sealed class Rates
            {
                private readonly Dictionary<string, decimal> _perEuro = new();

                /// <summary>Converts an amount in euros.</summary>
                /// <exception cref="UnknownCurrencyException">The currency has no rate.</exception>
                public decimal Convert(decimal euros, string currency)
                {
                    var rate = euros * _perEuro[Normalize(currency)]; // <- throws
                    return rate;
                }

                private static string Normalize(string code) => code.Trim().ToUpperInvariant();
            }
            """, "System.Collections.Generic.KeyNotFoundException", "The given key 'GBP ' was not present in the dictionary.", """
            //- src/Billing/Rates.cs
            #nullable enable
            using System.Collections.Generic;

            namespace Billing;

            public sealed class UnknownCurrencyException : System.Exception
            {
                public UnknownCurrencyException(string code) : base(code) { }
            }

            public sealed class Rates
            {
                private readonly Dictionary<string, decimal> _perEuro = new();

                /// <summary>Converts an amount in euros.</summary>
                /// <exception cref="UnknownCurrencyException">The currency has no rate.</exception>
                public decimal Convert(decimal euros, string currency)
                {
                    var key = Normalize(currency);
                    if (!_perEuro.TryGetValue(key, out var perEuro))
                    {
                        throw new UnknownCurrencyException(key);
                    }
                    var rate = euros * perEuro;
                    return rate;
                }

                private static string Normalize(string code) => code.Trim().ToUpperInvariant();
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void KeyComputedAfterACallWithEffects_Declines()
    {
        RuleCheck.Declines(new KeyNotFoundRule(), """
            //- src/Billing/Rates.cs
            #nullable enable
            using System.Collections.Generic;

            namespace Billing;

            public sealed class UnknownCurrencyException : System.Exception
            {
                public UnknownCurrencyException(string code) : base(code) { }
            }

            public sealed class Rates
            {
                private readonly Dictionary<string, decimal> _perEuro = new();
                private decimal _fees;

                /// <summary>Converts an amount in euros.</summary>
                /// <exception cref="UnknownCurrencyException">The currency has no rate.</exception>
                public decimal Convert(decimal euros, string currency)
                {
                    var rate = Charge(euros) * _perEuro[Normalize(currency)]; // <- throws
                    return rate;
                }

                private decimal Charge(decimal euros) => _fees += euros / 100;

                private static string Normalize(string code) => code.Trim().ToUpperInvariant();
            }
            """, "System.Collections.Generic.KeyNotFoundException", "The given key 'x' was not present in the dictionary.", "side effects");
    }
}
