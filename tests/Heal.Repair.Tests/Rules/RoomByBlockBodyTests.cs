using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Fixes that need room first (<see cref="RewrittenSite"/>): an expression body given a block (<c>BodyBlock</c>) so a guard
/// can stand before the failing code. Fresh snippets in
/// domains of their own (nullable on and off, tabs and spaces, Allman and K&amp;R), and look-alikes that must still decline:
/// nothing documented, the failing code on one branch only, or a call with effects evaluated before the hoisted value.
/// </summary>
public sealed class RoomByBlockBodyTests
{
    [Fact]
    public void ExpressionBodiedMethodDocumentsAThrow_GetsABlockAndAGuard()
    {
        var result = RuleCheck.Fixes(new NullableValueRule(), """
            //- src/Lab/Samples.cs
            #nullable enable
            using System;

            namespace Lab;

            public sealed class Reading
            {
                public DateTime? TakenAt { get; init; }
            }

            public sealed class SampleClock
            {
                private readonly DateTime _now;

                public SampleClock(DateTime now) => _now = now;

                /// <summary>How long ago the reading was taken.</summary>
                /// <exception cref="ArgumentException">The reading has no time it was taken.</exception>
                public TimeSpan Age(Reading reading) => _now - reading.TakenAt.Value; // <- throws
            }
            """, "System.InvalidOperationException", "Nullable object must have a value.", """
            //- src/Lab/Samples.cs
            #nullable enable
            using System;

            namespace Lab;

            public sealed class Reading
            {
                public DateTime? TakenAt { get; init; }
            }

            public sealed class SampleClock
            {
                private readonly DateTime _now;

                public SampleClock(DateTime now) => _now = now;

                /// <summary>How long ago the reading was taken.</summary>
                /// <exception cref="ArgumentException">The reading has no time it was taken.</exception>
                public TimeSpan Age(Reading reading)
                {
                    if (reading.TakenAt is null)
                    {
                        throw new ArgumentException("reading.TakenAt has no value.");
                    }

                    return _now - reading.TakenAt.Value;
                }
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void ExpressionBodiedGetterWithTabs_GetsABlockAndAGuard()
    {
        var result = RuleCheck.Fixes(new NullableValueRule(), """
            //- src/Theatre/Ticket.cs
            namespace Theatre
            {
            	public class SeatNotAssignedException : System.Exception
            	{
            		public SeatNotAssignedException(string message) : base(message) { }
            	}

            	public class Assignment
            	{
            		public int? Seat { get; set; }
            	}

            	public class Ticket
            	{
            		private readonly Assignment assignment = new Assignment();

            		/// <summary>Row of the seat, counted from the stage.</summary>
            		/// <exception cref="SeatNotAssignedException">Thrown when the seat is null.</exception>
            		public int Row
            		{
            			get => (assignment.Seat.Value - 1) / 20 + 1; // <- throws
            		}
            	}
            }
            """, "System.InvalidOperationException", "Nullable object must have a value.", """
            //- src/Theatre/Ticket.cs
            namespace Theatre
            {
            	public class SeatNotAssignedException : System.Exception
            	{
            		public SeatNotAssignedException(string message) : base(message) { }
            	}

            	public class Assignment
            	{
            		public int? Seat { get; set; }
            	}

            	public class Ticket
            	{
            		private readonly Assignment assignment = new Assignment();

            		/// <summary>Row of the seat, counted from the stage.</summary>
            		/// <exception cref="SeatNotAssignedException">Thrown when the seat is null.</exception>
            		public int Row
            		{
            			get
            			{
            				if (assignment.Seat is null)
            				{
            					throw new SeatNotAssignedException("assignment.Seat has no value.");
            				}

            				return (assignment.Seat.Value - 1) / 20 + 1;
            			}
            		}
            	}
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void ExpressionBodiedPropertyNothingDocumented_Declines()
    {
        RuleCheck.Declines(new NullableValueRule(), """
            //- src/Ferries/Crossing.cs
            namespace Ferries
            {
                public class Sailing
                {
                    public int? DelayMinutes { get; set; }
                }

                public class Crossing
                {
                    private readonly Sailing sailing;

                    public Crossing(Sailing sailing)
                    {
                        this.sailing = sailing;
                    }

                    /// <summary>Whether the sailing left late.</summary>
                    public bool IsLate
                        => sailing.DelayMinutes.Value > 5; // <- throws
                }
            }
            """, "System.InvalidOperationException", "Nullable object must have a value.", "does not show what should happen");
    }

    [Fact]
    public void ExpressionBodiedMaxDocumentsAThrow_GetsABlockAndAGuard()
    {
        var result = RuleCheck.Fixes(new EmptySequenceRule(), """
            //- src/Auctions/Lot.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Auctions;

            public sealed class LotClosedException : System.Exception
            {
                public LotClosedException(string message) : base(message) { }
            }

            public sealed class Lot
            {
                private readonly List<decimal> _bids = new();

                public void Bid(decimal amount) => _bids.Add(amount);

                /// <summary>The winning bid.</summary>
                /// <exception cref="LotClosedException">Thrown when there are no bids.</exception>
                public decimal Winning() => _bids.Max(); // <- throws
            }
            """, "System.InvalidOperationException", "Sequence contains no elements", """
            //- src/Auctions/Lot.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Auctions;

            public sealed class LotClosedException : System.Exception
            {
                public LotClosedException(string message) : base(message) { }
            }

            public sealed class Lot
            {
                private readonly List<decimal> _bids = new();

                public void Bid(decimal amount) => _bids.Add(amount);

                /// <summary>The winning bid.</summary>
                /// <exception cref="LotClosedException">Thrown when there are no bids.</exception>
                public decimal Winning()
                {
                    if (_bids.Count == 0)
                    {
                        throw new LotClosedException("No matching value was found.");
                    }
                    return _bids.Max();
                }
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void ExpressionBodiedMinKAndRTabs_GetsABlockAndAGuard()
    {
        var result = RuleCheck.Fixes(new EmptySequenceRule(), """
            //- src/Rail/Timetable.cs
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Rail {
            	public class NoDepartureException : Exception {
            		public NoDepartureException(string message) : base(message) { }
            	}

            	public class Departure {
            		public TimeSpan Time;
            	}

            	public class Timetable {
            		/// <summary>The first departure of the day.</summary>
            		/// <exception cref="NoDepartureException">Thrown when there are no departures.</exception>
            		public TimeSpan Earliest(List<Departure> departures) => departures.Min(d => d.Time); // <- throws
            	}
            }
            """, "System.InvalidOperationException", "Sequence contains no elements", """
            //- src/Rail/Timetable.cs
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Rail {
            	public class NoDepartureException : Exception {
            		public NoDepartureException(string message) : base(message) { }
            	}

            	public class Departure {
            		public TimeSpan Time;
            	}

            	public class Timetable {
            		/// <summary>The first departure of the day.</summary>
            		/// <exception cref="NoDepartureException">Thrown when there are no departures.</exception>
            		public TimeSpan Earliest(List<Departure> departures) {
            			if (departures.Count == 0) {
            				throw new NoDepartureException("No matching value was found.");
            			}
            			return departures.Min(d => d.Time);
            		}
            	}
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }

    [Fact]
    public void CallOnOneBranchOfAConditional_Declines()
    {
        RuleCheck.Declines(new EmptySequenceRule(), """
            //- src/Auctions/Lot.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Auctions;

            public sealed class LotClosedException : System.Exception
            {
                public LotClosedException(string message) : base(message) { }
            }

            public sealed class Lot
            {
                private readonly List<decimal> _bids = new();

                public bool Open { get; set; }

                /// <summary>The winning bid.</summary>
                /// <exception cref="LotClosedException">Thrown when there are no bids.</exception>
                public decimal Winning() => Open ? 0m : _bids.Max(); // <- throws
            }
            """, "System.InvalidOperationException", "Sequence contains no elements", "cannot be written here");
    }

    [Fact]
    public void ExpressionBodiedLookup_GetsABlockAndATryGetValueGuard()
    {
        var result = RuleCheck.Fixes(new KeyNotFoundRule(), """
            //- src/Garden/Beds.cs
            using System.Collections.Generic;

            namespace Garden
            {
                public class UnknownBedException : System.Exception
                {
                    public UnknownBedException(string bed) : base(bed) { }
                }

                public class Beds
                {
                    private readonly Dictionary<string, int> widths = new Dictionary<string, int>();

                    /// <summary>Width of a bed in centimetres.</summary>
                    /// <exception cref="UnknownBedException">Thrown when the bed is not found.</exception>
                    public int Width(string bed) => widths[bed] * 10; // <- throws
                }
            }
            """, "System.Collections.Generic.KeyNotFoundException", "The given key 'x' was not present in the dictionary.", """
            //- src/Garden/Beds.cs
            using System.Collections.Generic;

            namespace Garden
            {
                public class UnknownBedException : System.Exception
                {
                    public UnknownBedException(string bed) : base(bed) { }
                }

                public class Beds
                {
                    private readonly Dictionary<string, int> widths = new Dictionary<string, int>();

                    /// <summary>Width of a bed in centimetres.</summary>
                    /// <exception cref="UnknownBedException">Thrown when the bed is not found.</exception>
                    public int Width(string bed)
                    {
                        if (!widths.TryGetValue(bed, out var width))
                        {
                            throw new UnknownBedException(bed);
                        }
                        return width * 10;
                    }
                }
            }
            """);
        Assert.True(result.OnProbation, "a fix that first rewrites the code is on probation");
    }
}
