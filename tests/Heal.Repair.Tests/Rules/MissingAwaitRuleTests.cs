using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class MissingAwaitRuleTests
{
    private static readonly MissingAwaitRule Rule = new();

    [Fact]
    public void Apply_CallerForgetsTaskUsingDisposedStream_AwaitsInCaller()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Export/ReportJob.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Export;

            public sealed class ReportJob
            {
                private readonly CsvWriter _writer = new();

                public async Task RunAsync(string path)
                {
                    using var stream = File.Create(path);
                    _writer.WriteAsync(stream, new[] { "a", "b" }); // <- caller 1
                    await Task.Yield();
                }
            }
            //- src/Export/CsvWriter.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Export;

            public sealed class CsvWriter
            {
                public async Task WriteAsync(Stream stream, string[] rows)
                {
                    await Task.Delay(1);
                    foreach (var row in rows)
                    {
                        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(row + "\n")); // <- throws
                    }
                }
            }
            """, "System.ObjectDisposedException", "Cannot access a closed file.", """
            //- src/Export/ReportJob.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Export;

            public sealed class ReportJob
            {
                private readonly CsvWriter _writer = new();

                public async Task RunAsync(string path)
                {
                    using var stream = File.Create(path);
                    await _writer.WriteAsync(stream, new[] { "a", "b" });
                    await Task.Yield();
                }
            }
            """);
        Assert.Contains("`stream` is disposed", result.RootCause);
    }

    [Fact]
    public void Apply_SecondOperationOnSameContext_AwaitsEarlierCallOnSameReceiver()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Data/OrderService.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class OrderService
            {
                private readonly AppDb _db = new();

                public async Task<int> CloseAsync(Order order)
                {
                    order.Closed = true;
                    _db.SaveChangesAsync();
                    var open = await _db.CountOpenAsync(); // <- throws
                    return open;
                }
            }

            public sealed class Order { public bool Closed { get; set; } }

            public sealed class AppDb
            {
                public Task<int> SaveChangesAsync() => Task.FromResult(1);
                public Task<int> CountOpenAsync() => Task.FromResult(0);
            }
            """, "System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed.", """
            //- src/Data/OrderService.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class OrderService
            {
                private readonly AppDb _db = new();

                public async Task<int> CloseAsync(Order order)
                {
                    order.Closed = true;
                    await _db.SaveChangesAsync();
                    var open = await _db.CountOpenAsync();
                    return open;
                }
            }

            public sealed class Order { public bool Closed { get; set; } }

            public sealed class AppDb
            {
                public Task<int> SaveChangesAsync() => Task.FromResult(1);
                public Task<int> CountOpenAsync() => Task.FromResult(0);
            }
            """);
    }

    [Fact]
    public void Apply_NullFieldSetByForgottenLoad_AwaitsTheLoad()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Ui/ThemeService.cs
            using System.Threading.Tasks;

            namespace Ui;

            public sealed class ThemeService
            {
                private Settings _settings;

                public async Task<string> ThemeAsync()
                {
                    LoadAsync();
                    return _settings.Theme; // <- throws
                }

                private async Task LoadAsync()
                {
                    await Task.Delay(10);
                    _settings = new Settings();
                }
            }

            public sealed class Settings { public string Theme { get; set; } = "dark"; }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", """
            //- src/Ui/ThemeService.cs
            using System.Threading.Tasks;

            namespace Ui;

            public sealed class ThemeService
            {
                private Settings _settings;

                public async Task<string> ThemeAsync()
                {
                    await LoadAsync();
                    return _settings.Theme;
                }

                private async Task LoadAsync()
                {
                    await Task.Delay(10);
                    _settings = new Settings();
                }
            }

            public sealed class Settings { public string Theme { get; set; } = "dark"; }
            """);
    }

    [Fact]
    public void Apply_FileUsesConfigureAwaitFalse_AwaitsWithConfigureAwaitFalse()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Lib/Uploader.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Lib;

            public sealed class Uploader
            {
                public async Task UploadAsync(string path, Stream target)
                {
                    using (var source = File.OpenRead(path))
                    {
                        source.CopyToAsync(target); // <- throws
                    }

                    await target.FlushAsync().ConfigureAwait(false);
                }
            }
            """, "System.ObjectDisposedException", "Cannot access a closed file.", """
            //- src/Lib/Uploader.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Lib;

            public sealed class Uploader
            {
                public async Task UploadAsync(string path, Stream target)
                {
                    using (var source = File.OpenRead(path))
                    {
                        await source.CopyToAsync(target).ConfigureAwait(false);
                    }

                    await target.FlushAsync().ConfigureAwait(false);
                }
            }
            """);
    }

    [Fact]
    public void Apply_CallerForgetsSaveBeforeSecondOperation_AwaitsInCaller()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Data/Checkout.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Checkout
            {
                private readonly OrderStore _store = new();

                public async Task PlaceAsync(Order order)
                {
                    _store.SaveAsync(order); // <- caller 1
                    await _store.AuditAsync(order);
                }
            }
            //- src/Data/OrderStore.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class OrderStore
            {
                private readonly AppDb _db = new();

                public async Task SaveAsync(Order order)
                {
                    await _db.SaveChangesAsync(); // <- throws
                }

                public async Task AuditAsync(Order order)
                {
                    await _db.SaveChangesAsync();
                }
            }

            public sealed class Order { }

            public sealed class AppDb
            {
                public Task<int> SaveChangesAsync() => Task.FromResult(1);
            }
            """, "System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed.", """
            //- src/Data/Checkout.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Checkout
            {
                private readonly OrderStore _store = new();

                public async Task PlaceAsync(Order order)
                {
                    await _store.SaveAsync(order);
                    await _store.AuditAsync(order);
                }
            }
            """);
    }

    [Fact]
    public void Apply_ForgottenCallThrowingByItselfOnThrowingLine_DoesNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/Jobs/Pump.cs
            using System;
            using System.Threading.Tasks;

            namespace Jobs;

            public sealed class Pump
            {
                private readonly Channel _channel = new();

                public Func<int, Task> Handler() => async item =>
                {
                    _channel.WriteAsync(item); // <- throws
                    await Task.Yield();
                };
            }

            public sealed class Channel
            {
                public ValueTask WriteAsync(int item) => ValueTask.CompletedTask;
            }
            """, "System.InvalidOperationException", "The channel is closed.");
    }

    [Fact]
    public void Apply_NullReceiverOfForgottenCallOnThrowingLine_DoesNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/Cache/Refresher.cs
            using System.Threading.Tasks;

            namespace Cache;

            public sealed class Refresher
            {
                private Store _store;

                public async Task TickAsync()
                {
                    _store.RefreshAsync(); // <- throws
                    await Task.Yield();
                }
            }

            public sealed class Store { public Task RefreshAsync() => Task.CompletedTask; }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.");
    }

    [Fact]
    public void Apply_ForgottenTaskInSynchronousMethod_DeclinesBecauseSignatureWouldChange()
    {
        RuleCheck.Declines(Rule, """
            //- src/Data/Sync.cs
            using System.IO;
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Sync
            {
                public void Save(string path, byte[] data)
                {
                    using var stream = File.Create(path);
                    stream.WriteAsync(data, 0, data.Length); // <- throws
                }
            }
            """, "System.ObjectDisposedException", "Cannot access a closed file.", "not async");
    }

    [Fact]
    public void Apply_TwoForgottenTasksOnRelatedLines_DeclinesAsAmbiguous()
    {
        RuleCheck.Declines(Rule, """
            //- src/Data/Batch.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Batch
            {
                private readonly Db _db = new();

                public async Task<int> RunAsync()
                {
                    _db.InsertAsync(1);
                    _db.InsertAsync(2);
                    return await _db.CountAsync(); // <- throws
                }
            }

            public sealed class Db
            {
                public Task InsertAsync(int value) => Task.CompletedTask;
                public Task<int> CountAsync() => Task.FromResult(0);
            }
            """, "System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed.", "ambiguous");
    }

    [Fact]
    public void Apply_EveryTaskAwaited_DoesNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/Data/Clean.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Clean
            {
                private Settings _settings;

                public async Task<string> NameAsync()
                {
                    await Task.Yield();
                    return _settings.Name; // <- throws
                }
            }

            public sealed class Settings { public string Name { get; set; } = ""; }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.");
    }

    [Fact]
    public void Apply_ExplicitDiscardAndTaskRun_DoNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/Data/Fire.cs
            using System.Threading.Tasks;

            namespace Data;

            public sealed class Fire
            {
                private readonly Db _db = new();

                public async Task<int> RunAsync()
                {
                    _ = _db.WarmAsync();
                    Task.Run(() => _db.WarmAsync());
                    return await _db.CountAsync(); // <- throws
                }
            }

            public sealed class Db
            {
                public Task WarmAsync() => Task.CompletedTask;
                public Task<int> CountAsync() => Task.FromResult(0);
            }
            """, "System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed.");
    }

    [Fact]
    public void Apply_UnrelatedForgottenTaskBeforeNullDereference_DoesNotApply()
    {
        RuleCheck.DoesNotApply(Rule, """
            //- src/Ui/Audit.cs
            using System.Threading.Tasks;

            namespace Ui;

            public sealed class Audit
            {
                private Settings _settings;
                private int _count;

                public async Task<string> ThemeAsync()
                {
                    LogAsync();
                    await Task.Yield();
                    return _settings.Theme; // <- throws
                }

                private async Task LogAsync()
                {
                    await Task.Delay(1);
                    _count++;
                }
            }

            public sealed class Settings { public string Theme { get; set; } = ""; }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.");
    }
}
