using Microsoft.CodeAnalysis;

namespace Heal.Repair.Linking;

/// <summary>A workspace file as the linker reads it: its lines, and its syntax when it is C#.</summary>
internal sealed record FileSource(string[] Lines, SyntaxNode? Syntax);
