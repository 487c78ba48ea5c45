namespace Heal.LanguageServer.Handlers;

/// <summary>One LSP method: convert in, one call into Heal, convert out. Notifications return <see cref="NoResult"/>.</summary>
public interface IHandler<TParams, TResult>
{
    RequestKind Kind { get; }

    Task<TResult> HandleAsync(TParams request, CancellationToken cancellationToken);
}
