using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Crash scenarios in domains the rules were not written against (freight, telemetry, lending, flights, payroll): the fix
/// follows what the code's contract names, and the rule declines where the contract names nothing or calls the failure
/// intended. Outcomes are checked, not text, so each scenario reads as the contract and its expected behaviour.
/// </summary>
public sealed class UnseenDomainTests
{
    private const string KeyNotFound = "System.Collections.Generic.KeyNotFoundException";
    private const string KeyMessage = "The given key 'B-77' was not present in the dictionary.";
    private const string NoElements = "Sequence contains no elements";
    private const string NullReference = "System.NullReferenceException";

    [Fact]
    public void EmptySequence_ManifestDocumentsZeroWhenNoParcels_ReturnsZero() => Offers(new EmptySequenceRule(), """
        //- src/Freight/Manifest.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Freight;

        public sealed class Manifest
        {
            private readonly List<decimal> _weights = [];

            public void Load(decimal kilograms) => _weights.Add(kilograms);

            /// <returns>The heaviest parcel's weight in kilograms, or 0 when the manifest has no parcels yet.</returns>
            public decimal Heaviest()
            {
                return _weights.Max(); // <- throws
            }
        }
        """, "System.InvalidOperationException", NoElements, "return `0`");

    [Fact]
    public void DivideByZero_LatencyDocumentedNullWithoutRequests_ReturnsNull() => Offers(new DivideByZeroRule(), """
        //- src/Telemetry/LatencyMeter.cs
        namespace Telemetry;

        public sealed class LatencyMeter
        {
            private long _totalMilliseconds;
            private int _requests;

            public void Record(long milliseconds)
            {
                _totalMilliseconds += milliseconds;
                _requests++;
            }

            /// <returns>The mean latency in milliseconds, or <see langword="null"/> when no request was recorded.</returns>
            public long? MeanMilliseconds()
            {
                return _totalMilliseconds / _requests; // <- throws
            }
        }
        """, "System.DivideByZeroException", "Attempted to divide by zero.", "return `null`");

    [Fact]
    public void KeyNotFound_CatalogueSkipsUnknownIsbns_ContinuesTheLoop() => Offers(new KeyNotFoundRule(), """
        //- src/Lending/Catalogue.cs
        using System.Collections.Generic;

        namespace Lending;

        public sealed class Catalogue
        {
            private readonly Dictionary<string, string> _titles = new();

            /// <summary>The titles of the listed books, in order. ISBNs that are not in the catalogue are skipped.</summary>
            public List<string> Titles(IEnumerable<string> isbns)
            {
                var titles = new List<string>();
                foreach (var isbn in isbns)
                {
                    titles.Add(_titles[isbn]); // <- throws
                }

                return titles;
            }
        }
        """, KeyNotFound, KeyMessage, "skip the item");

    [Fact]
    public void KeyNotFound_MethodDocumentsTheCrashExceptionItself_Declines() => RuleCheck.Declines(new KeyNotFoundRule(), """
        //- src/Flights/Gates.cs
        using System.Collections.Generic;

        namespace Flights;

        public sealed class Gates
        {
            private readonly Dictionary<string, string> _gateOfFlight = new();

            /// <summary>The gate a flight boards at.</summary>
            /// <exception cref="KeyNotFoundException">The flight has no gate assigned yet; boarding must not start.</exception>
            public string GateOf(string flight) => _gateOfFlight[flight]; // <- throws
        }
        """, KeyNotFound, KeyMessage, "");

    [Fact]
    public void KeyNotFound_NothingSaysWhatAnUnknownGradeMeans_Declines() => RuleCheck.Declines(new KeyNotFoundRule(), """
        //- src/Payroll/Scale.cs
        using System.Collections.Generic;

        namespace Payroll;

        public sealed class Scale
        {
            private readonly Dictionary<string, decimal> _monthly = new();

            public decimal Annual(string grade) => _monthly[grade] * 12; // <- throws
        }
        """, KeyNotFound, KeyMessage, "");

    [Fact]
    public void KeyNotFound_SummaryAndReturnsNameDifferentValues_DeclinesListingBoth()
    {
        var result = Apply(new KeyNotFoundRule(), """
            //- src/Freight/Tariffs.cs
            using System.Collections.Generic;

            namespace Freight;

            public sealed class Tariffs
            {
                public const decimal Surcharge = 25m;

                private readonly Dictionary<string, decimal> _perZone = new();

                /// <summary>The price of a zone. A zone without a tariff costs <see cref="Surcharge"/>.</summary>
                /// <returns>The zone's tariff, or 0 when the zone has no tariff.</returns>
                public decimal PriceOf(string zone)
                {
                    return _perZone[zone]; // <- throws
                }
            }
            """, KeyNotFound, KeyMessage);
        Assert.True(result.IsDecline, "a fix was offered although the documentation names two prices");
        Assert.Equal(["fall back to `0`", "fall back to `Surcharge`"], result.Candidates.Select(c => c.Outcome!.Describe()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NullReference_MemberDocumentedNeverNullOnceScheduled_Declines() => RuleCheck.Declines(new NullReferenceRule(), """
        //- src/Flights/Flight.cs
        namespace Flights;

        public sealed class Crew
        {
            public string Captain { get; set; } = "";
        }

        public sealed class Flight
        {
            /// <summary>The crew. It is never null once the flight is scheduled.</summary>
            public Crew? Crew { get; set; }
        }

        public static class Briefing
        {
            public static string CaptainOf(Flight flight) => flight.Crew.Captain.ToUpperInvariant(); // <- throws
        }
        """, NullReference, "Object reference not set to an instance of an object.", "");

    [Fact]
    public void EmptySequence_NothingNamesTheEmptyCase_Declines() => RuleCheck.Declines(new EmptySequenceRule(), """
        //- src/Telemetry/Readings.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Telemetry;

        public sealed class Readings
        {
            private readonly List<double> _celsius = [];

            public double Peak() => _celsius.Max(); // <- throws
        }
        """, "System.InvalidOperationException", NoElements, "");

    [Fact]
    public void NullReference_DocShowsTheParameterUnchangedWithoutNickname_ReturnsIt() => Offers(new NullReferenceRule(), """
        //- src/Contacts/Names.cs
        namespace Contacts;

        public sealed class Contact
        {
            public string? Nickname { get; set; }
        }

        public static class Names
        {
            /// <summary>The name to greet a contact with; a contact without a nickname is greeted with <paramref name="fullName"/> unchanged.</summary>
            public static string Greeting(Contact contact, string fullName)
            {
                return contact.Nickname.Trim(); // <- throws
            }
        }
        """, NullReference, "Object reference not set to an instance of an object.", "return `fullName`");

    [Fact]
    public void NullReference_ParameterOnlyNamedAsTheSubjectOfTheSentence_IsNotTheResult()
    {
        var result = Apply(new NullReferenceRule(), """
            //- src/Contacts/Names.cs
            namespace Contacts;

            public sealed class Contact
            {
                public string? Nickname { get; set; }
            }

            public static class Names
            {
                /// <summary>The greeting. When <paramref name="fullName"/> is blank the contact's nickname is used.</summary>
                public static string Greeting(Contact contact, string fullName)
                {
                    return contact.Nickname.Trim(); // <- throws
                }
            }
            """, NullReference, "Object reference not set to an instance of an object.");
        Assert.NotEqual("return `fullName`", result.Outcome?.Describe());
    }

    [Fact]
    public void EmptySequence_QueueDocumentsNullWhenNothingPending_ReturnsNull() => Offers(new EmptySequenceRule(), """
        //- src/Printing/JobQueue.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Printing;

        public sealed record PrintJob(string Document, int Copies);

        public sealed class JobQueue
        {
            private readonly List<PrintJob> _pending = [];

            /// <returns>The oldest pending job, or <see langword="null"/> when nothing is waiting to print.</returns>
            public PrintJob? Next()
            {
                return _pending.First(); // <- throws
            }
        }
        """, "System.InvalidOperationException", NoElements, "return `null`");

    [Fact]
    public void NullReference_ProducerDocumentedNeverNull_Declines() => RuleCheck.Declines(new NullReferenceRule(), """
        //- src/Banking/Accounts.cs
        using System.Collections.Generic;

        namespace Banking;

        public sealed class Account
        {
            public string Holder { get; set; } = "";
        }

        public sealed class AccountStore
        {
            private readonly Dictionary<string, Account> _byIban = new();

            /// <returns>The account; never <see langword="null"/>, every IBAN passed here was validated at onboarding.</returns>
            public Account? Find(string iban) => _byIban.GetValueOrDefault(iban);
        }

        public sealed class Statements
        {
            private readonly AccountStore _store = new();

            public string Header(string iban)
            {
                var account = _store.Find(iban);
                return account.Holder.ToUpperInvariant(); // <- throws
            }
        }
        """, NullReference, "Object reference not set to an instance of an object.", "");

    private static RuleResult Apply(ICrashRule rule, string fixture, string exceptionType, string message)
    {
        var site = RuleFixture.Build(fixture, exceptionType, message);
        Assert.True(rule.Matches(site), $"{rule.Id} does not match {exceptionType}");
        var result = rule.Apply(site, CancellationToken.None);
        Assert.NotNull(result);
        return result!;
    }

    /// <summary>The rule offers a fix whose outcome for the failing input is <paramref name="outcome"/>.</summary>
    private static void Offers(ICrashRule rule, string fixture, string exceptionType, string message, string outcome)
    {
        var result = Apply(rule, fixture, exceptionType, message);
        Assert.False(result.IsDecline, $"{rule.Id} declined: {result.DeclineReason}");
        Assert.Equal(outcome, result.Outcome?.Describe());
    }
}
