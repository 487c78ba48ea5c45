using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Heal.Repair.Tests.Llm;

/// <summary>Keeps every formatted log line (all levels), so tests can assert what never appears in logs.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string AllText => string.Join("\n", _lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
}
