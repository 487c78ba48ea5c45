using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Collects parse problems with a ceiling, because hostile input can produce one problem per field of
/// thousands of frames and the problem list must not become the denial of service it reports.
/// </summary>
internal sealed class ProblemList
{
    private const int MaxProblems = 100;

    private readonly ImmutableArray<ParseProblem>.Builder _problems = ImmutableArray.CreateBuilder<ParseProblem>();
    private int _omitted;

    public int Count => _problems.Count + _omitted;

    public void Add(string location, string message)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new ParseProblem(location, message));
        }
        else
        {
            _omitted++;
        }
    }

    /// <summary>Formats the location only when the problem is kept.</summary>
    public void Add(JsonLocation location, string message)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new ParseProblem(location.ToString(), message));
        }
        else
        {
            _omitted++;
        }
    }

    public ImmutableArray<ParseProblem> ToImmutable()
    {
        if (_omitted == 0)
        {
            return _problems.ToImmutable();
        }

        var all = _problems.ToImmutable();
        return all.Add(new ParseProblem("$", $"{_omitted} further problems were omitted."));
    }
}
