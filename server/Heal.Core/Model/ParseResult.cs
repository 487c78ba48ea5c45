using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>What a parser could read, plus the problems it found. <see cref="Value"/> is null only when nothing usable was read.</summary>
public sealed record ParseResult<T>(T? Value, ImmutableArray<ParseProblem> Problems)
    where T : class
{
    public bool Succeeded => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, ImmutableArray<ParseProblem>.Empty);

    public static ParseResult<T> Ok(T value, ImmutableArray<ParseProblem> problems) => new(value, problems);

    public static ParseResult<T> Failed(params ParseProblem[] problems) => new(null, problems.ToImmutableArray());

    public static ParseResult<T> Failed(ImmutableArray<ParseProblem> problems) => new(null, problems);
}
