using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>An async void method that must stay async void catches a failure only as its documentation, or its type's, says.</summary>
public sealed class AsyncVoidDocumentedCatchTests
{
    private static readonly AsyncVoidRule Rule = new();

    [Fact]
    public void Apply_TimerCallbackWhoseTypeSaysFailuresAreCountedAndRetried_CatchesTheIoErrorAndCounts() => RuleCheck.Fixes(Rule,
        Uploader("""
            /// <remarks>An upload that fails stays queued for the next run and is counted in <see cref="FailedUploads"/>.</remarks>
            """),
        "System.IO.IOException", "The network path was not found.",
        Uploader("""
            /// <remarks>An upload that fails stays queued for the next run and is counted in <see cref="FailedUploads"/>.</remarks>
            """, handler: "_failedUploads++;"));

    [Fact]
    public void Apply_EventHandlerWhoseDocsSayATimeoutMustNeverCrashThePage_CatchesOnlyTheTimeout() => RuleCheck.Fixes(Rule, """
        //- src/Quotes/TickerPage.cs
        using System;
        using System.Threading.Tasks;

        namespace Quotes;

        public sealed class TickerPage {
          private readonly Feed _feed = new();

          /// <summary>Refresh button.</summary>
          /// <remarks>When the feed times out the page keeps the last prices; a refresh must never crash the app.</remarks>
          private async void OnRefresh(object sender, EventArgs e) {
            await _feed.PullAsync(); // <- throws
          }
        }

        public sealed class Feed {
          public Task PullAsync() => Task.CompletedTask;
        }
        """, "System.TimeoutException", "The operation has timed out.", """
        //- src/Quotes/TickerPage.cs
        using System;
        using System.Threading.Tasks;

        namespace Quotes;

        public sealed class TickerPage {
          private readonly Feed _feed = new();

          /// <summary>Refresh button.</summary>
          /// <remarks>When the feed times out the page keeps the last prices; a refresh must never crash the app.</remarks>
          private async void OnRefresh(object sender, EventArgs e) {
            try {
              await _feed.PullAsync();
            } catch (TimeoutException) {
              // When the feed times out the page keeps the last prices; a refresh must never crash the app.
            }
          }
        }

        public sealed class Feed {
          public Task PullAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public void Apply_TimerCallbackWhoseDocsSayNothingAboutFailures_Declines() =>
        RuleCheck.Declines(Rule, Uploader("/// <summary>Uploads queued files on a timer.</summary>"), "System.IO.IOException", "The network path was not found.", "delegate");

    [Fact]
    public void Apply_DocsSayAFailureIsLogged_DeclinesRatherThanSwallowIt() => RuleCheck.Declines(Rule,
        Uploader("/// <remarks>An upload that fails is logged and retried on the next run.</remarks>"),
        "System.IO.IOException", "The network path was not found.", "logged");

    [Fact]
    public void Apply_NullDereferenceUnderDocsThatSayFailuresAreCounted_Declines() => RuleCheck.Declines(Rule,
        Uploader("/// <remarks>An upload that fails stays queued for the next run and is counted in <see cref=\"FailedUploads\"/>.</remarks>"),
        "System.NullReferenceException", "Object reference not set to an instance of an object.", "delegate");

    private static string Uploader(string docs, string? handler = null)
    {
        var body = handler is null
            ? "        await UploadAllAsync(); // <- throws"
            : $$"""
                        try
                        {
                            await UploadAllAsync();
                        }
                        catch (IOException)
                        {
                            {{handler}}
                        }
                """;
        return $$"""
            //- src/Backup/Uploader.cs
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Backup;

            {{docs}}
            public sealed class Uploader
            {
                private readonly Queue<string> _queue = new();
                private Timer? _timer;
                private int _failedUploads;

                public int FailedUploads => _failedUploads;

                public void Start() => _timer = new Timer(OnTimer, null, 1000, 1000);

                private async void OnTimer(object? state)
                {
            {{body}}
                }

                private Task UploadAllAsync() => Task.CompletedTask;
            }
            """;
    }
}
