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

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken) => FixThrowingParse(site, cancellationToken);

    /// <summary>
    /// The fix for a throwing parse of input, whatever exception it threw (<c>Enum.Parse</c> throws <c>ArgumentException</c>):
    /// TryParse routed into the method's invalid-input path, or a decline.
    /// </summary>
    public static RuleResult FixThrowingParse(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var calls = ParseCall.AtCrash(site, out var located);
        if (calls.Count != 1)
        {
            return RuleResult.Decline("Text that is not in the expected format was parsed.",
                calls.Count == 0 ? "no parse of text was found on the throwing line" : "several parses share the throwing line, so the failing one is unclear",
                [.. evidence]);
        }

        var call = calls[0];
        if (located is not null)
        {
            evidence.Add(RuleKit.Evidence(source, call.Node, "the parse the event's next frame names"));
        }

        // A value that is well-formed in another culture or format is good data: a fix may reject it with an error someone
        // sees, but must not skip it silently.
        var value = ForeignFormat.FailedValue(site.Exception.Value);
        var foreign = value is null ? null : ForeignFormat.Describe(value, call.ResultType);
        var rootCause = $"`{call.Node}` parses `{call.Input}`, which is not {call.Expected}; the parse throws instead of reporting invalid input.";
        var why = "A throwing parse of input whose method already has a path for invalid input; TryParse takes that path instead of crashing.";
        var result = TryParseFix.Apply(source, call, rootCause, why, "try-parse", [(0.1, located is null ? "throwing parse of input on the throwing line" : "throwing parse of input in the throwing method"), .. located ?? []],
            evidence, cancellationToken, Veto);
        if (result.IsDecline && site.Callers.Length > 0 && AtCaller(site, call, Veto, cancellationToken) is { } atCaller && !atCaller.IsDecline)
        {
            return atCaller;
        }

        return result;

        string? Veto(Fallback exit) => foreign is not null && IsSilent(exit)
            ? $"the text that failed is {foreign}, not garbage; the method's invalid-input path would drop it silently, so the data would be lost"
            : null;
    }

    /// <summary>
    /// A helper that only forwards its parameter to a parse (<c>static int ToInt(string s) =&gt; int.Parse(s);</c>)
    /// has no error path of its own; the nearest caller that does gets the TryParse in place of the helper call.
    /// </summary>
    private static RuleResult? AtCaller(CrashSite site, ParseCall call, Func<Fallback, string?> veto, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        if (source.Member is not MethodDeclarationSyntax helper || model.GetDeclaredSymbol(helper, cancellationToken) is not IMethodSymbol helperSymbol
            || !IsOnlyStatement(helper, call.Node) || call.Node is not InvocationExpressionSyntax parse)
        {
            return null;
        }

        var caller = site.Callers[0];
        var invocation = RuleKit.OnLine<InvocationExpressionSyntax>(caller)
            .SingleOrDefault(i => SymbolEqualityComparer.Default.Equals(caller.SemanticModel.GetSymbolInfo(i, cancellationToken).Symbol?.OriginalDefinition, helperSymbol));
        if (invocation is null || invocation.ArgumentList.Arguments.Count != helperSymbol.Parameters.Length
            || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null || a.RefKindKeyword.RawKind != 0))
        {
            return null;
        }

        // Re-spell the parse at the caller: the helper's parameters become the caller's arguments; anything else
        // the parse uses must be a constant-like expression (a culture, a style) that reads the same there.
        var arguments = new List<string>();
        ExpressionSyntax? input = null;
        foreach (var argument in parse.ArgumentList.Arguments)
        {
            if (model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol is IParameterSymbol parameter && helperSymbol.Parameters.Contains(parameter, SymbolEqualityComparer.Default))
            {
                var passed = invocation.ArgumentList.Arguments[parameter.Ordinal].Expression;
                input ??= passed;
                arguments.Add(passed.ToString());
            }
            else if (argument.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i, cancellationToken).Symbol is IParameterSymbol or ILocalSymbol))
            {
                return null;
            }
            else
            {
                arguments.Add(argument.ToString());
            }
        }

        if (input is null)
        {
            return null;
        }

        var callText = call.TryCall;
        var open = callText.IndexOf('(', StringComparison.Ordinal);
        var outSlot = callText.LastIndexOf(", out " + ParseCall.OutSlot, StringComparison.Ordinal);
        var tryCall = callText[..(open + 1)] + string.Join(", ", arguments) + callText[outSlot..];
        var atCaller = new ParseCall(invocation, tryCall, input, call.ResultType);
        var rootCause = $"`{invocation}` parses `{input}` through `{helper.Identifier.ValueText}`, which throws when it is not {atCaller.Expected}.";
        return TryParseFix.Apply(caller, atCaller, rootCause,
            $"`{helper.Identifier.ValueText}` only forwards its input to a throwing parse and has no error path; the caller already has one, so the TryParse belongs there.",
            "try-parse", [(0.05, "the throwing helper only forwards its input to a parse")], [RuleKit.ThrowingLine(source), RuleKit.ThrowingLine(caller) with { Role = "caller" }], cancellationToken, veto);
    }

    /// <summary>An exit that neither throws, returns an error or a failure flag, nor records anything: the value would just vanish.</summary>
    private static bool IsSilent(Fallback exit)
    {
        if (exit.Effects is { Count: > 0 })
        {
            return false;
        }

        var jump = SyntaxFactory.ParseStatement(exit.Jump);
        return jump switch
        {
            ThrowStatementSyntax => false,
            ReturnStatementSyntax { Expression: null } or ContinueStatementSyntax or BreakStatementSyntax => true,
            ReturnStatementSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } => false,
            ReturnStatementSyntax { Expression: { } returned } => ExitPaths.IsNeutralValue(returned),
            _ => false,
        };
    }

    private static bool IsOnlyStatement(MethodDeclarationSyntax helper, ExpressionSyntax parse) =>
        helper.ExpressionBody?.Expression == parse
        || helper.Body is { Statements: [ReturnStatementSyntax { Expression: { } returned }] } && returned == parse;
}
