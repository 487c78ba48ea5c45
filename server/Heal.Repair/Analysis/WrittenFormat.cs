using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// One place the codebase writes a value of a parsed type as text, or states how such text looks: a
/// <c>ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)</c>, an interpolation hole <c>{date:yyyy-MM-dd}</c>, a format
/// constant, a format named in XML documentation, a test's literal input. <see cref="WrittenFormats"/> finds them.
/// </summary>
/// <param name="Format">The format string (<c>dd/MM/yyyy</c>, <c>o</c>, <c>N2</c>); null when only a culture is given.</param>
/// <param name="FormatCode">How the parse site can name the format: a constant's name that binds there, else a literal.</param>
/// <param name="Culture">The culture the text is written in.</param>
/// <param name="LowerCase">The writer lower-cases the text (enum names written as <c>active</c>).</param>
/// <param name="Kind">Where it was read.</param>
/// <param name="Linkage">How closely it is tied to the parse: 3 the same member, 2 the same type, 1 the same project, 0 elsewhere.</param>
/// <param name="Node">The code it was read from.</param>
/// <param name="Text">The line, for evidence.</param>
public sealed record WrittenFormat(
    string? Format,
    string? FormatCode,
    FormatCulture Culture,
    bool LowerCase,
    WrittenFormatKind Kind,
    int Linkage,
    SyntaxNode Node,
    string Text);
