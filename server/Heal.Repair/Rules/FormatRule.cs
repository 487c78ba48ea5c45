using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>FormatException</c> from parsing input (<c>int.Parse</c>, <c>DateTime.Parse</c>, <c>Guid.Parse</c>,
/// <c>Convert.ToInt32(string)</c>, <c>Enum.Parse</c>…): <c>TryParse</c> with the same culture and style arguments,
/// routed into the method's existing invalid-input path; declines when there is none.
/// </summary>
public sealed class FormatRule : ICrashRule
{
    public string Id => "format";

    public bool Matches(CrashSite site) => site.ExceptionName == "FormatException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var calls = ParseCall.OnLine(RuleKit.OnLine<InvocationExpressionSyntax>(source), model).ToList();
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        if (calls.Count != 1)
        {
            return RuleResult.Decline("Text that is not in the expected format was parsed.",
                calls.Count == 0 ? "no parse of text was found on the throwing line" : "several parses share the throwing line, so the failing one is unclear",
                [.. evidence]);
        }

        var call = calls[0];
        var rootCause = $"`{call.Node}` parses `{call.Input}`, which is not {call.Expected}; the parse throws instead of reporting invalid input.";
        var why = "A throwing parse of input whose method already has a path for invalid input; TryParse takes that path instead of crashing.";
        return TryParseFix.Apply(source, call, rootCause, why, "try-parse", [(0.1, "throwing parse of input on the throwing line")], evidence, cancellationToken);
    }
}
