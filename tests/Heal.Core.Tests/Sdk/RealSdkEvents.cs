using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sentry;

namespace Heal.Core.Tests.Sdk;

/// <summary>
/// Event JSON produced by the real .NET Sentry SDK for a real exception: the SDK builds the event (stack trace,
/// in-app marking, signatures) and serialises it as it would into an envelope; nothing is sent.
/// </summary>
internal static class RealSdkEvents
{
    public static string Capture(Action crash)
    {
        string? json = null;
        var options = new SentryOptions
        {
            // Never contacted: BeforeSend keeps the JSON and drops the event.
            Dsn = "http://key@127.0.0.1:9/42",
            Release = "Demo@1.0.0",
            AutoSessionTracking = false,
            IsGlobalModeEnabled = false,
        };
        options.SetBeforeSend(sentryEvent =>
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                sentryEvent.WriteTo(writer, null);
            }

            json = Encoding.UTF8.GetString(buffer.ToArray());
            return null;
        });

        using var client = new SentryClient(options);
        try
        {
            crash();
        }
        catch (Exception exception)
        {
            client.CaptureException(exception);
        }

        return json ?? throw new InvalidOperationException("The SDK produced no event.");
    }
}
