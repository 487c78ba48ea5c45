using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class AsyncVoidRuleTests
{
    private static readonly AsyncVoidRule Rule = new();

    [Fact]
    public void Apply_AsyncVoidCalledFromAsyncMethodInSameFile_BecomesTaskAndIsAwaited()
    {
        RuleCheck.Fixes(Rule, """
            //- src/App/Dashboard.cs
            using System;
            using System.Threading.Tasks;

            namespace App;

            public sealed class Dashboard
            {
                private int _visits;

                public async Task OpenAsync()
                {
                    await Task.Yield();
                    Refresh();
                }

                private async void Refresh()
                {
                    await Task.Delay(10);
                    _visits = int.Parse("x"); // <- throws
                }
            }
            """, "System.FormatException", "The input string 'x' was not in a correct format.", """
            //- src/App/Dashboard.cs
            using System;
            using System.Threading.Tasks;

            namespace App;

            public sealed class Dashboard
            {
                private int _visits;

                public async Task OpenAsync()
                {
                    await Task.Yield();
                    await Refresh();
                }

                private async Task Refresh()
                {
                    await Task.Delay(10);
                    _visits = int.Parse("x");
                }
            }
            """);
    }

    [Fact]
    public void Apply_CallerWrapsCallInTryCatch_AwaitsSoTheCatchWorks()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Sync/Synchronizer.cs
            using System;
            using System.Threading.Tasks;

            namespace Sync;

            public sealed class Synchronizer
            {
                private readonly Remote _remote = new();

                public async Task TickAsync()
                {
                    try
                    {
                        Push();
                    }
                    catch (InvalidOperationException)
                    {
                        await Task.Delay(100);
                    }
                }

                public async void Push()
                {
                    await _remote.SendAsync(); // <- caller 1
                }
            }
            //- src/Sync/Remote.cs
            using System;
            using System.Threading.Tasks;

            namespace Sync;

            public sealed class Remote
            {
                public async Task SendAsync()
                {
                    await Task.Yield();
                    throw new InvalidOperationException("offline"); // <- throws
                }
            }
            """, "System.InvalidOperationException", "offline", """
            //- src/Sync/Synchronizer.cs
            using System;
            using System.Threading.Tasks;

            namespace Sync;

            public sealed class Synchronizer
            {
                private readonly Remote _remote = new();

                public async Task TickAsync()
                {
                    try
                    {
                        await Push();
                    }
                    catch (InvalidOperationException)
                    {
                        await Task.Delay(100);
                    }
                }

                public async Task Push()
                {
                    await _remote.SendAsync();
                }
            }
            """);
        Assert.Contains(result.Reasons, r => r.Reason.Contains("try/catch", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_FileWithoutTasksUsing_AddsUsingInSortedPlace()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Cache/Warmer.cs
            using System;
            using System.Collections.Generic;
            using System.Text;

            namespace Cache;

            public sealed class Warmer
            {
                private readonly List<string> _keys = new();

                public async System.Threading.Tasks.Task StartAsync()
                {
                    await System.Threading.Tasks.Task.Yield();
                    Warm();
                }

                private async void Warm()
                {
                    await System.Threading.Tasks.Task.Yield();
                    _keys.Add(_keys[0]); // <- throws
                }
            }
            """, "System.ArgumentOutOfRangeException", "Index was out of range.", """
            //- src/Cache/Warmer.cs
            using System;
            using System.Collections.Generic;
            using System.Text;
            using System.Threading.Tasks;

            namespace Cache;

            public sealed class Warmer
            {
                private readonly List<string> _keys = new();

                public async System.Threading.Tasks.Task StartAsync()
                {
                    await System.Threading.Tasks.Task.Yield();
                    await Warm();
                }

                private async Task Warm()
                {
                    await System.Threading.Tasks.Task.Yield();
                    _keys.Add(_keys[0]);
                }
            }
            """);
    }

    [Fact]
    public void Apply_LibraryFileWithConfigureAwaitFalse_AwaitsInFilesStyle()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Lib/Flusher.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Lib;

            public sealed class Flusher
            {
                private readonly Stream _stream = Stream.Null;

                public async Task CloseAsync()
                {
                    await _stream.FlushAsync().ConfigureAwait(false);
                    Flush();
                }

                private async void Flush()
                {
                    await _stream.FlushAsync().ConfigureAwait(false); // <- throws
                }
            }
            """, "System.ObjectDisposedException", "Cannot access a closed Stream.", """
            //- src/Lib/Flusher.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Lib;

            public sealed class Flusher
            {
                private readonly Stream _stream = Stream.Null;

                public async Task CloseAsync()
                {
                    await _stream.FlushAsync().ConfigureAwait(false);
                    await Flush().ConfigureAwait(false);
                }

                private async Task Flush()
                {
                    await _stream.FlushAsync().ConfigureAwait(false);
                }
            }
            """);
    }

    [Fact]
    public void Apply_TwoCallSitesInLinkedFiles_AwaitsBoth()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Chat/Room.cs
            using System.Threading.Tasks;

            namespace Chat;

            public sealed class Room
            {
                private readonly Formatter _formatter = new();

                public async Task JoinAsync(string user)
                {
                    await Task.Yield();
                    Announce(user + " joined");
                }

                public async Task LeaveAsync(string user)
                {
                    await Task.Yield();
                    Announce(user + " left");
                }

                private async void Announce(string text)
                {
                    await Task.Yield();
                    _formatter.Format(text); // <- caller 1
                }
            }
            //- src/Chat/Formatter.cs
            namespace Chat;

            public sealed class Formatter
            {
                public string Format(string text) => text.Substring(0, 80); // <- throws
            }
            """, "System.ArgumentOutOfRangeException", "Index and length must refer to a location within the string.", """
            //- src/Chat/Room.cs
            using System.Threading.Tasks;

            namespace Chat;

            public sealed class Room
            {
                private readonly Formatter _formatter = new();

                public async Task JoinAsync(string user)
                {
                    await Task.Yield();
                    await Announce(user + " joined");
                }

                public async Task LeaveAsync(string user)
                {
                    await Task.Yield();
                    await Announce(user + " left");
                }

                private async Task Announce(string text)
                {
                    await Task.Yield();
                    _formatter.Format(text);
                }
            }
            """);
    }

    [Fact]
    public void Apply_EventHandlerSignature_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Ui/Form.cs
            using System;
            using System.Threading.Tasks;

            namespace Ui;

            public sealed class Form
            {
                public event EventHandler Clicked;

                public Form() => Clicked += OnClicked;

                private async void OnClicked(object sender, EventArgs e)
                {
                    await Task.Yield();
                    throw new InvalidOperationException("boom"); // <- throws
                }
            }
            """, "System.InvalidOperationException", "boom", "event handler");
    }

    [Fact]
    public void Apply_CallerOutsideLinkedFiles_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/App/Poller.cs
            using System.Threading.Tasks;

            namespace App;

            public sealed class Poller
            {
                public async void Poll()
                {
                    await Task.Yield();
                    throw new System.TimeoutException(); // <- throws
                }
            }
            //- src/App/Startup.cs
            using System.Threading.Tasks;

            namespace App;

            public sealed class Startup
            {
                public async Task RunAsync()
                {
                    await Task.Yield();
                    new Poller().Poll();
                }
            }
            """, "System.TimeoutException", "The operation has timed out.", "outside the linked frames");
    }

    [Fact]
    public void Apply_MethodUsedAsDelegate_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/App/Timer.cs
            using System;
            using System.Threading.Tasks;

            namespace App;

            public sealed class Ticker
            {
                public Action Callback() => Tick;

                private async void Tick()
                {
                    await Task.Yield();
                    throw new TimeoutException(); // <- throws
                }
            }
            """, "System.TimeoutException", "The operation has timed out.", "delegate");
    }

    [Fact]
    public void Apply_SynchronousCaller_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/App/Saver.cs
            using System.Threading.Tasks;

            namespace App;

            public sealed class Saver
            {
                public void Save()
                {
                    Persist();
                }

                private async void Persist()
                {
                    await Task.Yield();
                    throw new System.IO.IOException("disk full"); // <- throws
                }
            }
            """, "System.IO.IOException", "disk full", "not async");
    }

    [Fact]
    public void Apply_OverrideOfBaseMethod_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/App/Page.cs
            using System.Threading.Tasks;

            namespace App;

            public abstract class PageBase
            {
                public abstract void OnAppearing();
            }

            public sealed class Page : PageBase
            {
                public override async void OnAppearing()
                {
                    await Task.Yield();
                    throw new System.InvalidOperationException("no data"); // <- throws
                }
            }
            """, "System.InvalidOperationException", "no data", "overrides");
    }

    [Fact]
    public void Apply_NotAsyncVoid_DoesNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/App/Plain.cs
            using System.Threading.Tasks;

            namespace App;

            public sealed class Plain
            {
                public async Task RunAsync()
                {
                    await Task.Yield();
                    throw new System.InvalidOperationException("no data"); // <- throws
                }
            }
            """, "System.InvalidOperationException", "no data");
    }
}
