using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A method returns a wrapper built on a resource it disposes: the wrapper owns it when the code says so, else decline.</summary>
public sealed class OwnershipTransferTests
{
    private const string Disposed = "System.ObjectDisposedException";
    private const string Closed = "Cannot access a closed file.";
    private static readonly ObjectDisposedRule Rule = new();

    [Fact]
    public void Apply_ReaderReturnedOverDisposedFileStream_KeepsTheStreamOpenForTheReader() => RuleCheck.Fixes(Rule,
        Journal("using var stream = File.OpenRead(path);", "return new StreamReader(stream);"), Disposed, Closed,
        Journal("var stream = File.OpenRead(path);", "return new StreamReader(stream);", withMarkers: false));

    [Fact]
    public void Apply_ReaderToldToLeaveTheStreamOpen_Declines() => RuleCheck.Declines(Rule,
        Journal("using var stream = File.OpenRead(path);", "return new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true);"), Disposed, Closed, "leave");

    [Fact]
    public void Apply_AnotherExitAfterTheResource_Declines() => RuleCheck.Declines(Rule,
        Journal("using var stream = File.OpenRead(path);", "if (stream.Length == 0) return StreamReader.Null;\n        return new StreamReader(stream);"), Disposed, Closed, "");

    [Fact]
    public void Apply_WorkspaceWrapperDisposesWhatItWraps_KeepsTheResourceOpen() => RuleCheck.Fixes(Rule, Telemetry(disposesInner: true), Disposed,
        "Cannot access a disposed object.\nObject name: 'Socket'.", Telemetry(disposesInner: true, withMarkers: false, fixedVersion: true));

    [Fact]
    public void Apply_WorkspaceWrapperDoesNotDisposeWhatItWraps_Declines() => RuleCheck.Declines(Rule, Telemetry(disposesInner: false), Disposed,
        "Cannot access a disposed object.\nObject name: 'Socket'.", "unclear");

    private static string Journal(string declaration, string exit, bool withMarkers = true) => $$"""
        //- src/Diary/Journal.cs
        using System.IO;
        using System.Text;

        namespace Diary;

        public static class Journal
        {
            public static string FirstEntry(string path)
            {
                using var reader = Open(path);
                return reader.ReadLine() ?? "";{{(withMarkers ? " // <- throws" : "")}}
            }

            private static StreamReader Open(string path)
            {
                {{declaration}}
                {{exit}}
            }
        }
        """;

    private static string Telemetry(bool disposesInner, bool withMarkers = true, bool fixedVersion = false) => $$"""
        //- src/Fleet/Uplink.cs
        using System;

        namespace Fleet;

        public sealed class Uplink
        {
            public static void Report(string host, string reading)
            {
                using var channel = Connect(host);
                channel.Send(reading);{{(withMarkers ? " // <- caller 2" : "")}}
            }

            private static Channel Connect(string host)
            {
                {{(fixedVersion ? "var" : "using var")}} socket = new Socket(host);
                return new Channel(socket);
            }
        }

        public sealed class Socket : IDisposable
        {
            private bool _closed;

            public Socket(string host) => Host = host;

            public string Host { get; }

            public void Write(string text) => ObjectDisposedException.ThrowIf(_closed, this);{{(withMarkers ? " // <- throws" : "")}}

            public void Dispose() => _closed = true;
        }

        public sealed class Channel : IDisposable
        {
            private readonly Socket _socket;

            public Channel(Socket socket)
            {
                _socket = socket;
            }

            public void Send(string text) => _socket.Write(text);{{(withMarkers ? " // <- caller 1" : "")}}

            public void Dispose()
            {
                {{(disposesInner ? "_socket.Dispose();" : "Console.WriteLine(\"closed\");")}}
            }
        }
        """;
}
