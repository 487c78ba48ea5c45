namespace Heal.VisualStudio.Core.Commands;

/// <summary>The server published diagnostics for a document: how many are Heal's (the tree refreshes on this cue).</summary>
public sealed record DiagnosticsNotice(string Uri, int HealDiagnostics);
