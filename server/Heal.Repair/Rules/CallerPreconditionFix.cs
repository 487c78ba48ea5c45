using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// The fix for a crash thrown by a method's own guard clause: the guard is right (it is the team's statement of the
/// precondition), the caller that broke it is what changes. Candidates, each scored by its evidence:
/// <list type="bullet">
/// <item>the caller checks the precondition before the call and takes its own existing path for invalid input (a
/// validation result, its domain exception, skipping the item in a loop that already skips bad items), when the bad value
/// comes from the caller's input;</item>
/// <item>the caller adjusts the value the way every other caller of the method already does (<c>Math.Max(1, size)</c>).</item>
/// </list>
/// Declines when nothing shows what the caller should do instead.
/// </summary>
public static class CallerPreconditionFix
{
    public static RuleResult Apply(CrashSite site, GuardClause guard, string rootCause, CancellationToken cancellationToken)
    {
        var callee = site.Throwing;
        var calleeModel = callee.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(callee), RuleKit.Evidence(callee, guard.Statement, "the guard stating the precondition") };
        if (callee.Member is null || calleeModel.GetDeclaredSymbol(callee.Member, cancellationToken) is not IMethodSymbol method)
        {
            return RuleResult.Decline(rootCause, "the guard is not inside a method a caller calls", [.. evidence]);
        }

        if (site.Callers.IsDefaultOrEmpty)
        {
            return RuleResult.Decline(rootCause, $"no caller of `{method.Name}` is on the stack in this repository, so where the value comes from is unknown", [.. evidence]);
        }

        var caller = site.Callers[0];
        var callerModel = caller.SemanticModel;
        var calls = LineCode.Nodes(caller)
            .Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            .Where(n => Calls(n, method, callerModel, cancellationToken))
            .ToList();
        evidence.Add(RuleKit.ThrowingLine(caller) with { Role = "caller" });
        if (calls.Count != 1 || caller.Member is null)
        {
            return RuleResult.Decline(rootCause, $"the caller's line does not hold exactly one call to `{method.Name}`", [.. evidence]);
        }

        var call = calls[0];
        var argument = guard.Parameter is { } parameter ? CallSites.ArgumentOf(call, callerModel, parameter.Name, parameter.Ordinal) : null;
        if (guard.Parameter is not null && argument is null)
        {
            return RuleResult.Decline(rootCause, $"the caller does not pass `{guard.Parameter.Name}` explicitly, so the value comes from a default", [.. evidence]);
        }

        var anchor = RuleKit.GuardableStatement(call);
        var restater = new CallerCondition(calleeModel, method, call, callerModel, anchor?.SpanStart ?? call.SpanStart);
        var violation = guard.Violation(restater.Restate);
        var subject = argument ?? restater.Receiver ?? (call as InvocationExpressionSyntax)?.Expression ?? (ExpressionSyntax)call;
        var intent = IntentAnalysis.Collect(new IntentQuery(FailureCondition.InvalidArgument, site, caller, subject) { Anchor = anchor }, cancellationToken);
        var documented = Documented(guard, method, cancellationToken);
        var candidates = new List<RuleCandidate>();
        var whyNot = new List<string>();
        if (violation is null)
        {
            whyNot.Add($"the precondition `{guard.Violation(e => e.ToString())}` uses state the caller cannot see");
        }
        else if (anchor is null || !RuleKit.AlwaysEvaluated(call, anchor))
        {
            whyNot.Add("the call is not a plain statement of the caller, so no check can be placed before it");
        }
        else if (!FromInput(argument ?? restater.Receiver, caller.Member, callerModel, cancellationToken))
        {
            whyNot.Add("the value is computed inside the caller, so checking it there would hide the computation's mistake");
        }
        else if (CheckAtCaller(caller, guard, anchor, argument, violation, intent, documented, cancellationToken, whyNot) is { } check)
        {
            candidates.Add(check);
        }

        if (guard.Parameter is not null && argument is not null)
        {
            candidates.AddRange(LikeOtherCallers(caller, method, guard.Parameter, call, argument, intent, documented, cancellationToken));
        }

        var noCandidate = $"the guard in `{method.Name}` rejects the value `{caller.Text.ToString(caller.LineSpan).Trim()}` passes, and nothing shows what the caller should do instead"
            + (whyNot.Count > 0 ? $" ({string.Join("; ", whyNot)})" : " (no invalid-input path in the caller and no other caller adjusts the value)");
        return CandidateChoice.Choose(rootCause, candidates, evidence, intent, noCandidate);
    }

    /// <summary><c>if (violation) { the caller's existing invalid-input exit }</c> before the call.</summary>
    private static RuleCandidate? CheckAtCaller(LinkedSource caller, GuardClause guard, StatementSyntax anchor, ExpressionSyntax? argument, string violation,
        Intent intent, List<(double, string)> documented, CancellationToken cancellationToken, List<string> whyNot)
    {
        var model = caller.SemanticModel;
        var name = argument is null ? "value" : ParseCall.NameOf(argument);
        var sentence = guard.Message ?? $"{RuleKit.Capitalize(name == "value" && guard.Parameter is not null ? guard.Parameter.Name : name)} {guard.Requirement}.";
        var message = SymbolDisplay.FormatLiteral(sentence, quote: true);
        var tested = argument ?? SyntaxFactory.ParseExpression(violation);
        var exit = InvalidInputPath.Infer(caller.Member!, anchor, tested, model, message, out var pathWhyNot, name)
            ?? DomainRejection.Infer(caller.Member!, null, argument, name, model, message, out _);
        if (exit is null)
        {
            whyNot.Add(pathWhyNot.Replace("the parse", "the call", StringComparison.Ordinal));
            return null;
        }

        var style = FileStyle.Of(caller.Root);
        var text = style.Guard(RuleKit.Indent(caller, anchor), violation, [.. exit.Effects ?? [], exit.Jump]);
        var outcome = Outcome(exit, model);
        var evidence = new List<Evidence>();
        if (exit.Source is not null)
        {
            evidence.Add(RuleKit.Evidence(caller, exit.Source, "the caller's existing invalid-input path"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return RuleCandidate.Scored("caller-check", $"check `{violation}` before the call and {outcome?.Describe() ?? "leave"} like the caller's other invalid input",
            outcome, 0.2, "the callee's guard states the precondition the caller's value broke", intent,
            [RuleKit.Edit(caller, RuleKit.InsertBefore(caller, anchor, text))], evidence,
            [new ConfidenceReason(exit.Confidence - 0.2, exit.Reason), .. documented.Select(d => new ConfidenceReason(d.Item1, d.Item2))],
            $"The guard in the called method is the team's statement of the precondition; the caller passes input that breaks it without checking, while it already has a path for invalid input.");
    }

    /// <summary>What the written exit gives the failing case (the exception type read from the precedent it was copied from).</summary>
    private static ExpectedOutcome? Outcome(Fallback exit, SemanticModel model) => SyntaxFactory.ParseStatement(exit.Jump) switch
    {
        ReturnStatementSyntax r => ExpectedOutcome.Returns(r.Expression?.ToString()),
        ContinueStatementSyntax => ExpectedOutcome.Skip,
        BreakStatementSyntax => ExpectedOutcome.Stop,
        ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax created } =>
            ExpectedOutcome.Throws(exit.Source is { } precedent && precedent.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is { } original
                ? model.GetTypeInfo(original).Type?.Name ?? created.Type.ToString()
                : created.Type.ToString()),
        _ => null,
    };

    /// <summary>The value as every other caller of the method passes it, when they all adjust it the same way (<c>Math.Max(1, x)</c>).</summary>
    private static IEnumerable<RuleCandidate> LikeOtherCallers(LinkedSource caller, IMethodSymbol method, IParameterSymbol parameter, SyntaxNode call, ExpressionSyntax argument,
        Intent intent, List<(double, string)> documented, CancellationToken cancellationToken)
    {
        var solution = caller.Document.Project.Solution;
        var templates = new List<(string Template, SyntaxNode Node, Document Document)>();
        foreach (var location in SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).GetAwaiter().GetResult().SelectMany(r => r.Locations))
        {
            if (location.Location.SourceTree is not { } tree || tree == caller.Root.SyntaxTree && location.Location.SourceSpan.IntersectsWith(call.Span))
            {
                continue;
            }

            var model = location.Document.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult();
            var node = tree.GetRoot(cancellationToken).FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            var site = node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
            if (model is null || site is null || CallSites.ArgumentOf(site, model, parameter.Name, parameter.Ordinal) is not { } passed)
            {
                continue;
            }

            if (Template(passed, model) is { } template)
            {
                templates.Add((template, passed, location.Document));
            }
            else
            {
                // A caller that passes the value as it is shows no adjustment is the rule.
                templates.Add(("", passed, location.Document));
            }
        }

        var adjusted = templates.Where(t => t.Template.Length > 0).ToList();
        if (adjusted.Count == 0 || adjusted.Select(t => t.Template).Distinct(StringComparer.Ordinal).Count() != 1 || templates.Count(t => t.Template.Length == 0) >= adjusted.Count)
        {
            yield break;
        }

        var value = argument is IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax or InvocationExpressionSyntax ? argument.ToString() : $"({argument})";
        var replacement = adjusted[0].Template.Replace("\u0001", value, StringComparison.Ordinal);
        if (!RuleKit.Binds(caller.SemanticModel, argument.SpanStart, replacement) && caller.SemanticModel.GetSpeculativeTypeInfo(argument.SpanStart, SyntaxFactory.ParseExpression(replacement), SpeculativeBindingOption.BindAsExpression).Type is null or { TypeKind: TypeKind.Error })
        {
            yield break;
        }

        var evidence = adjusted.Take(3).Select(t => new Evidence(Relative(caller, t.Document), t.Node.SyntaxTree.GetLineSpan(t.Node.Span).StartLinePosition.Line + 1,
            IntentLocator.LineText(t.Node), "another caller adjusts the value the same way")).ToList();
        var witnesses = adjusted.Count;
        yield return RuleCandidate.Scored("caller-adjust", $"pass `{replacement}` like the other caller(s) of `{method.Name}`",
            ExpectedOutcome.Substitutes(replacement), 0.35, $"{witnesses} other call(s) of `{method.Name}` pass this argument as `{adjusted[0].Template.Replace("\u0001", "…", StringComparison.Ordinal)}`",
            intent, [RuleKit.Edit(caller, new TextChange(argument.Span, replacement))], evidence,
            [new ConfidenceReason(Math.Min(witnesses, 3) * 0.12, "every other caller that adjusts the value agrees"), .. documented.Select(d => new ConfidenceReason(d.Item1, d.Item2))]);
    }

    /// <summary>
    /// The adjustment a call applies to its argument, with the adjusted value as a hole (U+0001): <c>Math.Max(1, \u0001)</c>,
    /// <c>Math.Clamp(\u0001, 1, MaxPageSize)</c>, <c>\u0001 ?? Default</c>. The other operands must not name locals or parameters.
    /// </summary>
    private static string? Template(ExpressionSyntax passed, SemanticModel model)
    {
        passed = ExitPaths.Unparenthesize(passed);
        ExpressionSyntax? inner = null;
        switch (passed)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Math" }, Name.Identifier.ValueText: "Max" or "Min" or "Clamp" } } math:
                var variable = math.ArgumentList.Arguments.Where(a => NamesVariable(a.Expression, model)).ToList();
                if (variable.Count == 1)
                {
                    inner = variable[0].Expression;
                }

                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when !NamesVariable(coalesce.Right, model):
                inner = coalesce.Left;
                break;
        }

        if (inner is null)
        {
            return null;
        }

        var text = passed.ToString();
        var start = inner.SpanStart - passed.SpanStart;
        return text[..start] + "\u0001" + text[(start + inner.Span.Length)..];
    }

    private static bool NamesVariable(ExpressionSyntax expression, SemanticModel model) =>
        expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i).Symbol is ILocalSymbol or IParameterSymbol
            || model.GetSymbolInfo(i).Symbol is IFieldSymbol { IsConst: false, IsStatic: false } or IPropertySymbol { IsStatic: false });

    /// <summary>
    /// True when the value derives from what the caller was given: one of its parameters, a member of one, a local or loop
    /// variable filled from them (a parse of a parameter, an item of a parameter's collection).
    /// </summary>
    public static bool FromInput(ExpressionSyntax? value, SyntaxNode member, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        if (value is null || depth > 3)
        {
            return false;
        }

        foreach (var identifier in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
            {
                case IParameterSymbol parameter when member.Span.Contains(parameter.Locations.FirstOrDefault()?.SourceSpan ?? default):
                    return true;
                case ILocalSymbol local when local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration:
                    var source = declaration switch
                    {
                        VariableDeclaratorSyntax { Initializer.Value: var initial } => initial,
                        ForEachStatementSyntax loop => loop.Expression,
                        SingleVariableDesignationSyntax { Parent.Parent: ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax producer } } => producer,
                        _ => null,
                    };
                    if (FromInput(source, member, model, cancellationToken, depth + 1))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The callee's documentation of the precondition (an <c>exception</c> or <c>param</c> element about it), as support.</summary>
    private static List<(double, string)> Documented(GuardClause guard, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<(double, string)>();
        var declaration = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        if (comment is null)
        {
            return found;
        }

        foreach (var element in comment.Content.OfType<XmlElementSyntax>())
        {
            var name = element.StartTag.Name.LocalName.ValueText;
            var cref = element.StartTag.Attributes.OfType<XmlCrefAttributeSyntax>().FirstOrDefault()?.Cref.ToString();
            var param = element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
            if (name == "exception" && cref is not null && (cref == guard.ExceptionName || cref.EndsWith("." + guard.ExceptionName, StringComparison.Ordinal)))
            {
                found.Add((0.1, $"`{method.Name}` documents that it throws {guard.ExceptionName} for this: {Shorten(element.Content.ToString())}"));
            }
            else if (name == "param" && guard.Parameter is not null && param == guard.Parameter.Name
                     && ConditionWords.Mentions(FailureCondition.InvalidArgument, element.Content.ToString()))
            {
                found.Add((0.05, $"`{method.Name}` documents what `{param}` must be: {Shorten(element.Content.ToString())}"));
            }
        }

        return found;
    }

    private static bool Calls(SyntaxNode node, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol called
        && (SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, method.OriginalDefinition)
            || called.Name == method.Name && called.Parameters.Length == method.Parameters.Length && called.ContainingType?.Name == method.ContainingType?.Name);

    private static string Relative(LinkedSource anchor, Document document) =>
        new IntentLocator(anchor).Locate(document.GetSyntaxTreeAsync().GetAwaiter().GetResult()!, 0).Path;

    private static string Shorten(string text)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(text.Replace("///", " ", StringComparison.Ordinal), @"\s+", " ").Trim();
        return plain.Length <= 120 ? plain : plain[..117] + "...";
    }
}
