using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>An async void method that must stay async void catches the way the type's other async void methods do, or declines.</summary>
public sealed class AsyncVoidSiblingCatchTests
{
    private static readonly AsyncVoidRule Rule = new();

    [Fact]
    public void Apply_EventHandlerWhoseSiblingsCatchTheSameIoError_WrapsItsBodyTheSameWay()
    {
        var result = RuleCheck.Fixes(Rule, Kiosk(), "System.IO.IOException", "The device is not ready.", Kiosk(wrapped: true));
        Assert.Contains(result.Reasons, r => r.Reason.Contains("2 other async void methods", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Reason.Contains("names IOException", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_OneSiblingCatchesEverythingWithoutText_WrapsWithTheSameCatch() => RuleCheck.Fixes(Rule, """
        //- src/Radio/Tuner.cs
        using System;
        using System.Threading.Tasks;

        namespace Radio;

        public sealed class StationEventArgs : EventArgs
        {
            public int Frequency { get; init; }
        }

        public sealed class Tuner
        {
            private readonly Stream _stream = new();
            private readonly Faults _faults = new();

            public async void OnStationChosen(object? sender, StationEventArgs e)
            {
                await _stream.OpenAsync(e.Frequency); // <- throws
            }

            public async void OnVolumeChanged(object? sender, EventArgs e)
            {
                try
                {
                    await _stream.RampAsync();
                }
                catch (Exception error)
                {
                    _faults.Record(error);
                }
            }
        }

        public sealed class Stream
        {
            public Task OpenAsync(int frequency) => Task.CompletedTask;
            public Task RampAsync() => Task.CompletedTask;
        }

        public sealed class Faults
        {
            public void Record(Exception error) { }
        }
        """, "System.TimeoutException", "The tuner did not lock.", """
        //- src/Radio/Tuner.cs
        using System;
        using System.Threading.Tasks;

        namespace Radio;

        public sealed class StationEventArgs : EventArgs
        {
            public int Frequency { get; init; }
        }

        public sealed class Tuner
        {
            private readonly Stream _stream = new();
            private readonly Faults _faults = new();

            public async void OnStationChosen(object? sender, StationEventArgs e)
            {
                try
                {
                    await _stream.OpenAsync(e.Frequency);
                }
                catch (Exception error)
                {
                    _faults.Record(error);
                }
            }

            public async void OnVolumeChanged(object? sender, EventArgs e)
            {
                try
                {
                    await _stream.RampAsync();
                }
                catch (Exception error)
                {
                    _faults.Record(error);
                }
            }
        }

        public sealed class Stream
        {
            public Task OpenAsync(int frequency) => Task.CompletedTask;
            public Task RampAsync() => Task.CompletedTask;
        }

        public sealed class Faults
        {
            public void Record(Exception error) { }
        }
        """);

    [Fact]
    public void Apply_NullDereferenceInHandlerWhoseSiblingsCatchEverything_Declines() => RuleCheck.Declines(Rule, Kiosk(caught: "Exception"),
        "System.NullReferenceException", "Object reference not set to an instance of an object.", "event handler");

    [Fact]
    public void Apply_UnexpectedStateInHandlerWhoseSiblingsCatchEverything_Declines() => RuleCheck.Declines(Rule, Kiosk(caught: "Exception"),
        "System.InvalidOperationException", "Nullable object must have a value.", "event handler");

    [Fact]
    public void Apply_SiblingsCatchDifferently_Declines() => RuleCheck.Declines(Rule, Kiosk(secondCatch: "_screen.ShowError(\"Printing failed.\", ex);"),
        "System.IO.IOException", "The device is not ready.", "event handler");

    [Fact]
    public void Apply_OnlySiblingShowsItsOwnMessage_Declines() => RuleCheck.Declines(Rule, Kiosk(onlyOneSibling: true),
        "System.IO.IOException", "The device is not ready.", "event handler");

    [Fact]
    public void Apply_SiblingCatchesRethrow_Declines() => RuleCheck.Declines(Rule, Kiosk(firstCatch: Show + " throw;", secondCatch: Show + " throw;"),
        "System.IO.IOException", "The device is not ready.", "event handler");

    private const string Show = "_screen.ShowError(\"The camera is not responding.\", ex);";

    /// <summary>A kiosk page whose shutter handler throws; its retake and print handlers catch <paramref name="caught"/> and show it.</summary>
    private static string Kiosk(bool wrapped = false, string caught = "IOException", string firstCatch = Show, string secondCatch = Show, bool onlyOneSibling = false)
    {
        var body = wrapped
            ? """
                      try
                      {
                          var photo = await _camera.CaptureAsync();
                          _gallery.Add(photo);
                      }
                      catch (IOException ex)
                      {
                          _screen.ShowError("The camera is not responding.", ex);
                      }
              """
            : """
                      var photo = await _camera.CaptureAsync(); // <- throws
                      _gallery.Add(photo);
              """;
        var second = onlyOneSibling ? "" : $$"""


                  private async void OnPrintClicked(object sender, EventArgs e)
                  {
                      try
                      {
                          await _printer.PrintAsync(_gallery);
                      }
                      catch ({{caught}} ex)
                      {
                          {{secondCatch}}
                      }
                  }
              """;
        return $$"""
            //- src/Kiosk/BoothPage.cs
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            namespace Kiosk;

            public sealed class BoothPage
            {
                private readonly Camera _camera = new();
                private readonly Printer _printer = new();
                private readonly Screen _screen = new();
                private readonly List<byte[]> _gallery = new();

                private async void OnShutterClicked(object sender, EventArgs e)
                {
            {{body}}
                }

                private async void OnRetakeClicked(object sender, EventArgs e)
                {
                    try
                    {
                        _gallery.Clear();
                        await _camera.ResetAsync();
                    }
                    catch ({{caught}} ex)
                    {
                        {{firstCatch}}
                    }
                }{{second}}
            }

            public sealed class Camera
            {
                public Task<byte[]> CaptureAsync() => Task.FromResult(new byte[0]);
                public Task ResetAsync() => Task.CompletedTask;
            }

            public sealed class Printer
            {
                public Task PrintAsync(List<byte[]> photos) => Task.CompletedTask;
            }

            public sealed class Screen
            {
                public void ShowError(string text, Exception error) { }
            }
            """;
    }
}
