using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A caller passes a value its own type coalesces elsewhere: the fix is that fallback, at the origin.</summary>
public sealed class CallerFallbackTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";

    [Fact]
    public void Apply_CallerPassesMemberSiblingsCoalesce_AppliesSiblingFallbackInCaller()
    {
        var result = RuleCheck.Fixes(new NullReferenceRule(), Tickets("""
                public string Header(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return $"#{ticket.Id} {Names.Short(contact)}";
                }

                public string Footer(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return Names.Short(contact);
                }

                public string Mail(Ticket ticket)
                {
                    return $"To: {Names.Full(ticket.Assignee)}"; // <- caller 1
                }
            """), Nre, Message, """
            //- src/Desk/TicketText.cs
            namespace Desk;

            public sealed class TicketText
            {
                public string Header(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return $"#{ticket.Id} {Names.Short(contact)}";
                }

                public string Footer(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return Names.Short(contact);
                }

                public string Mail(Ticket ticket)
                {
                    return $"To: {Names.Full(ticket.Assignee ?? ticket.Reporter)}";
                }
            }
            """);
        Assert.Equal("null-coalesce-at-caller", result.FixKind);
    }

    [Fact]
    public void Apply_CallerPassesTheSameValueAgain_AppliesTheFallbackToEveryUnguardedUse()
    {
        // Fixing only the call on the stack would move the crash to the next line that passes the same null on.
        var result = RuleCheck.Fixes(new NullReferenceRule(), Tickets("""
                public string Header(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return Names.Short(contact);
                }

                public string Mail(Ticket ticket)
                {
                    var to = Names.Full(ticket.Assignee); // <- caller 1
                    var greeting = "Hi " + Names.Short(ticket.Assignee);
                    var known = ticket.Assignee != null;
                    return $"To: {to}\n{greeting} {ticket.Assignee.Email.Length} {known}";
                }
            """), Nre, Message, """
            //- src/Desk/TicketText.cs
            namespace Desk;

            public sealed class TicketText
            {
                public string Header(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return Names.Short(contact);
                }

                public string Mail(Ticket ticket)
                {
                    var to = Names.Full(ticket.Assignee ?? ticket.Reporter);
                    var greeting = "Hi " + Names.Short(ticket.Assignee ?? ticket.Reporter);
                    var known = ticket.Assignee != null;
                    return $"To: {to}\n{greeting} {(ticket.Assignee ?? ticket.Reporter).Email.Length} {known}";
                }
            }
            """);
        Assert.Equal("null-coalesce-at-caller", result.FixKind);
        Assert.Contains("`ticket.Assignee` 2 more times", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SiblingsDisagreeOnFallback_DoesNotCoalesceInCaller()
    {
        RuleCheck.Declines(new NullReferenceRule(), Tickets("""
                public string Header(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? ticket.Reporter;
                    return $"#{ticket.Id} {Names.Short(contact)}";
                }

                public string Footer(Ticket ticket)
                {
                    var contact = ticket.Assignee ?? Person.Nobody;
                    return Names.Short(contact);
                }

                public string Mail(Ticket ticket)
                {
                    return $"To: {Names.Full(ticket.Assignee)}"; // <- caller 1
                }
            """), Nre, Message, "");
    }

    [Fact]
    public void Apply_SiblingFallbackNamesParameterCallerLacks_DoesNotCoalesceInCaller()
    {
        RuleCheck.Declines(new NullReferenceRule(), Tickets("""
                public string Header(Ticket ticket, Person owner)
                {
                    var contact = ticket.Assignee ?? owner;
                    return $"#{ticket.Id} {Names.Short(contact)}";
                }

                public string Mail(Ticket ticket)
                {
                    return $"To: {Names.Full(ticket.Assignee)}"; // <- caller 1
                }
            """), Nre, Message, "");
    }

    private static string Tickets(string members) => $$"""
        //- src/Desk/TicketText.cs
        namespace Desk;

        public sealed class TicketText
        {
        {{members.TrimEnd()}}
        }
        //- src/Desk/Names.cs
        namespace Desk;

        public static class Names
        {
            public static string Short(Person person) => person.Name.Split(' ')[0];

            public static string Full(Person person) => $"{person.Name} <{person.Email.ToLowerInvariant()}>"; // <- throws
        }
        //- src/Desk/Ticket.cs
        namespace Desk;

        public sealed class Ticket
        {
            public int Id { get; init; }
            public Person Reporter { get; init; }
            public Person Assignee { get; init; }
        }

        public sealed record Person(string Name, string Email)
        {
            public static readonly Person Nobody = new("nobody", "nobody@example.invalid");
        }
        """;
}
