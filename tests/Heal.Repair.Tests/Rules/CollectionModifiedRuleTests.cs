using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class CollectionModifiedRuleTests
{
    private const string Type = "System.InvalidOperationException";

    private const string Message = "Collection was modified; enumeration operation may not execute.";

    private static readonly CollectionModifiedRule Rule = new();

    private static void Fixes(string before, string after) => RuleCheck.Fixes(Rule, before, Type, Message, after);

    private static void Declines(string before, string reason) => RuleCheck.Declines(Rule, before, Type, Message, reason);

    [Fact]
    public void Apply_LoopOnlyRemovesMatchingItems_UsesRemoveAll() => Fixes(
        """
        //- src/Auth/SessionPool.cs
        using System;
        using System.Collections.Generic;

        namespace Auth;

        public sealed class SessionPool
        {
            private readonly List<Session> _sessions = new();

            public void Prune(DateTime now)
            {
                foreach (var session in _sessions) // <- throws
                {
                    if (session.ExpiresAt < now)
                    {
                        _sessions.Remove(session);
                    }
                }
            }
        }

        public sealed record Session(DateTime ExpiresAt);
        """,
        """
        //- src/Auth/SessionPool.cs
        using System;
        using System.Collections.Generic;

        namespace Auth;

        public sealed class SessionPool
        {
            private readonly List<Session> _sessions = new();

            public void Prune(DateTime now)
            {
                _sessions.RemoveAll(session => session.ExpiresAt < now);
            }
        }

        public sealed record Session(DateTime ExpiresAt);
        """);

    [Fact]
    public void Apply_LoopMovesItemsToAnotherList_IteratesASnapshotAndAddsLinq() => Fixes(
        """
        //- src/Shipping/Dispatcher.cs
        using System;
        using System.Collections.Generic;

        namespace Shipping;

        public sealed class Dispatcher
        {
            private readonly List<Parcel> _pending = new();
            private readonly List<Parcel> _shipped = new();

            public void Ship()
            {
                foreach (var parcel in _pending) // <- throws
                {
                    if (parcel.Labelled)
                    {
                        _shipped.Add(parcel);
                        _pending.Remove(parcel);
                    }
                }
            }
        }

        public sealed record Parcel(bool Labelled);
        """,
        """
        //- src/Shipping/Dispatcher.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Shipping;

        public sealed class Dispatcher
        {
            private readonly List<Parcel> _pending = new();
            private readonly List<Parcel> _shipped = new();

            public void Ship()
            {
                foreach (var parcel in _pending.ToList())
                {
                    if (parcel.Labelled)
                    {
                        _shipped.Add(parcel);
                        _pending.Remove(parcel);
                    }
                }
            }
        }

        public sealed record Parcel(bool Labelled);
        """);

    [Fact]
    public void Apply_LoopCallsMethodThatRemovesFromTheField_IteratesASnapshot() => Fixes(
        """
        //- src/Game/Loop.cs
        namespace Game;

        public sealed class Loop
        {
            private readonly Timers _timers = new();

            public void Frame() => _timers.Tick(); // <- caller 1
        }
        //- src/Game/Timers.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Game;

        public sealed class Timers
        {
            private readonly List<Countdown> _active = new();

            public void Tick()
            {
                foreach (var timer in _active) // <- throws
                {
                    timer.Remaining--;
                    if (timer.Remaining == 0)
                    {
                        Stop(timer);
                    }
                }
            }

            private void Stop(Countdown timer)
            {
                _active.Remove(timer);
            }
        }

        public sealed class Countdown
        {
            public int Remaining { get; set; }
        }
        """,
        """
        //- src/Game/Timers.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Game;

        public sealed class Timers
        {
            private readonly List<Countdown> _active = new();

            public void Tick()
            {
                foreach (var timer in _active.ToList())
                {
                    timer.Remaining--;
                    if (timer.Remaining == 0)
                    {
                        Stop(timer);
                    }
                }
            }

            private void Stop(Countdown timer)
            {
                _active.Remove(timer);
            }
        }

        public sealed class Countdown
        {
            public int Remaining { get; set; }
        }
        """);

    [Fact]
    public void Apply_FileUsesEndOfLineBracesAndBracelessIf_KeepsTheFilesStyle() => Fixes(
        """
        //- src/Names/Cleaner.cs
        using System.Collections.Generic;

        namespace Names {
          public static class Cleaner {
            public static void DropBlank(HashSet<string> names) {
              foreach (string name in names) // <- throws
                if (name.Trim().Length == 0) names.Remove(name);
            }
          }
        }
        """,
        """
        //- src/Names/Cleaner.cs
        using System.Collections.Generic;

        namespace Names {
          public static class Cleaner {
            public static void DropBlank(HashSet<string> names) {
              names.RemoveWhere(name => name.Trim().Length == 0);
            }
          }
        }
        """);

    [Fact]
    public void Apply_NoChangeVisibleInsideTheLoop_Declines() => Declines(
        """
        //- src/Chat/Room.cs
        using System.Collections.Generic;

        namespace Chat;

        public sealed class Room
        {
            private readonly List<Member> _members = new();

            public void Broadcast(string text)
            {
                foreach (var member in _members) // <- throws
                {
                    member.Send(text);
                }
            }
        }

        public sealed class Member
        {
            public void Send(string text)
            {
            }
        }
        """,
        "another thread");

    [Fact]
    public void Apply_LoopChangesADifferentCollection_Declines() => Declines(
        """
        //- src/Trees/Copier.cs
        using System.Collections.Generic;

        namespace Trees;

        public static class Copier
        {
            public static void CopyChildren(Node from, Node to)
            {
                foreach (var child in from.Children) // <- throws
                {
                    to.Children.Add(child);
                }
            }
        }

        public sealed class Node
        {
            public List<Node> Children { get; } = new();
        }
        """,
        "no change");

    [Fact]
    public void Apply_CollectionComesFromACall_Declines() => Declines(
        """
        //- src/Queue/Worker.cs
        using System.Collections.Generic;

        namespace Queue;

        public sealed class Worker
        {
            private readonly Store _store = new();

            public void Drain()
            {
                foreach (var job in _store.Pending()) // <- throws
                {
                    _store.Pending().Remove(job);
                }
            }
        }

        public sealed class Store
        {
            private readonly List<string> _jobs = new();

            public List<string> Pending() => _jobs;
        }
        """,
        "computed by a call");
}
