namespace Heal.Core.Model;

/// <summary>Something a parser could not read, with where it was found. Parsers collect these instead of throwing.</summary>
/// <param name="Location">A JSON path (<c>$.exception.values[0]</c>), a line number (<c>line 12</c>) or a byte offset.</param>
/// <param name="Message">What was wrong, in one plain sentence.</param>
public sealed record ParseProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
