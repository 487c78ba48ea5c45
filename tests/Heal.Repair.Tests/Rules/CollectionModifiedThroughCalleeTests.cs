using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A loop whose callee changes the collection it walks: a snapshot only where the documentation says changes take effect from the next pass.</summary>
public sealed class CollectionModifiedThroughCalleeTests
{
    private const string Type = "System.InvalidOperationException";

    private const string Message = "Collection was modified; enumeration operation may not execute.";

    private static readonly CollectionModifiedRule Rule = new();

    [Fact]
    public void Apply_JobCancelsItselfThroughAnInterfaceAndDocsSayNextTick_IteratesASnapshot() => RuleCheck.Fixes(Rule,
        Scheduler("""
            /// <remarks>
            /// A job may cancel itself or schedule another job while it runs. Such changes take effect from the next tick.
            /// </remarks>
            """),
        Type, Message, Scheduler("""
            /// <remarks>
            /// A job may cancel itself or schedule another job while it runs. Such changes take effect from the next tick.
            /// </remarks>
            """, snapshot: true));

    [Fact]
    public void Apply_JobCancelsItselfAndNothingSaysWhatTheTickSees_Declines() =>
        RuleCheck.Declines(Rule, Scheduler(""), Type, Message, "nothing in the documentation");

    [Fact]
    public void Apply_DocsSayJobsScheduledDuringATickAlsoRunInIt_Declines() => RuleCheck.Declines(Rule,
        Scheduler("""
            /// <remarks>A job scheduled while a tick is running also runs in the same tick.</remarks>
            """),
        Type, Message, "seen by it");

    [Fact]
    public void Apply_HandlerUnsubscribesThroughItsTokenButTheLoopDoesNotSkipRemovedOnes_Declines() => RuleCheck.Declines(Rule, """
        //- src/Mixer/Meters.cs
        using System;
        using System.Collections.Generic;

        namespace Mixer;

        /// <summary>Level meters fed from the audio thread.</summary>
        /// <remarks>
        /// A listener may detach itself during a callback; that takes effect from the next buffer, and a listener receives
        /// the buffer unless it was detached before its turn.
        /// </remarks>
        public sealed class Meters
        {
            private readonly List<Action<float[]>> _listeners = new();

            public IDisposable Attach(Action<float[]> listener)
            {
                _listeners.Add(listener);
                return new Token(this, listener);
            }

            public void Feed(float[] buffer)
            {
                foreach (var listener in _listeners) // <- throws
                {
                    listener(buffer);
                }
            }

            private sealed class Token(Meters owner, Action<float[]> listener) : IDisposable
            {
                public void Dispose() => owner._listeners.Remove(listener);
            }
        }
        """, Type, Message, "removed earlier in the pass");

    private static string Scheduler(string docs, bool snapshot = false) => $$"""
        //- src/Farm/Scheduler.cs
        using System.Collections.Generic;
        {{(snapshot ? "using System.Linq;\n" : "")}}
        namespace Farm;

        public interface IJob
        {
            void Run(Scheduler scheduler);
        }

        {{docs}}
        public sealed class Scheduler
        {
            private readonly List<IJob> _jobs = new();

            public void Schedule(IJob job) => _jobs.Add(job);

            public void Cancel(IJob job) => _jobs.Remove(job);

            public void Tick()
            {
                foreach (var job in {{(snapshot ? "_jobs.ToList()" : "_jobs")}}){{(snapshot ? "" : " // <- throws")}}
                {
                    job.Run(this);
                }
            }
        }
        """;
}
