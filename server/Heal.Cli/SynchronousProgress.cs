namespace Heal.Cli;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, so progress lines keep their order.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
