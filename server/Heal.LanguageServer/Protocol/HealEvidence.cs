namespace Heal.LanguageServer.Protocol;

/// <summary>
/// One evidence item of a <c>heal/heal</c> result: what the repository says should happen in the failing case (kind
/// <c>doc</c>, <c>own-exit</c>, <c>test</c>…, with the <see cref="Outcome"/> it names), or a frame or source line the
/// diagnosis relied on (kind = its role). <see cref="Uri"/> opens it in the editor.
/// </summary>
public sealed record HealEvidence(string Kind, string Path, int Line, string Text, string? Outcome, string? Uri);
