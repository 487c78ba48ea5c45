using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// A Task started and forgotten inside an <c>async</c> method: the work races the code after it, so a <c>using</c>
/// resource is disposed under it (<c>ObjectDisposedException</c>), a DbContext sees a second operation
/// (<c>InvalidOperationException</c>), or a value it should have set is still null. The fix is the missing <c>await</c>.
/// </summary>
/// <remarks>
/// It looks at the statements on the throwing and caller lines, and at statements earlier in the throwing method that
/// share a receiver with the throwing line or that start a workspace method which assigns what the throwing line reads.
/// Conservative: exactly one forgotten task, in an async method, or nothing (null: not this crash class).
/// </remarks>
public sealed class MissingAwaitRule : ICrashRule
{
    public string Id => "missing-await";

    public bool Matches(CrashSite site) =>
        site.ExceptionName is "ObjectDisposedException" or "InvalidOperationException" or "NullReferenceException"
        || site.Exception.Value?.Contains("second operation was started", StringComparison.OrdinalIgnoreCase) == true;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var candidates = new List<(LinkedSource Source, StatementSyntax Statement, InvocationExpressionSyntax Call, string Role)>();
        var secondOperation = IsSecondOperation(site);

        // A forgotten call on a frame's line is the cause only when something links it to the crash: it uses a resource a
        // `using` disposes under it, or (caller lines) the message says an operation overlapped. A call that throws by
        // itself on the throwing line would throw just the same when awaited. A null reference on a frame's line is
        // that line's own dereference, never the forgotten task.
        if (site.ExceptionName != "NullReferenceException")
        {
            foreach (var frame in new[] { site.Throwing }.Concat(site.Callers))
            {
                foreach (var statement in SourceLocator.StatementsOnLine(frame.Root, frame.LineSpan))
                {
                    if (Awaitables.ForgottenTask(statement, frame.SemanticModel) is { } call
                        && (UsingResource(statement, call, frame.SemanticModel) is not null || secondOperation && frame != site.Throwing))
                    {
                        candidates.Add((frame, statement, call, frame == site.Throwing ? "throwing frame" : "caller"));
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            candidates.AddRange(Earlier(site).Select(c => (site.Throwing, c.Statement, c.Call, c.Role)));
        }

        candidates = candidates.DistinctBy(c => (c.Source.RelativePath, c.Statement.SpanStart)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var lineText = site.Throwing.Text.ToString(site.Throwing.LineSpan).Trim();
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        evidence.Add(new Evidence(site.Throwing.RelativePath, site.Throwing.Frame.Line, lineText, "throwing frame"));
        foreach (var candidate in candidates)
        {
            NullReferenceRule.AddEvidence(evidence, candidate.Statement, "task not awaited", site);
        }

        if (candidates.Count > 1)
        {
            return RuleResult.Decline($"Several tasks are started without `await`: {string.Join(", ", candidates.Select(c => $"`{c.Call}`"))}.",
                "ambiguous: more than one un-awaited task could be the one racing the crash", evidence.ToImmutable());
        }

        var (source, forgotten, invocation, role) = candidates[0];
        var member = AbsenceConventions.MemberOf(forgotten);
        var calleeName = (source.SemanticModel.GetSymbolInfo(invocation).Symbol as IMethodSymbol)?.Name ?? invocation.Expression.ToString();
        var rootCause = $"`{invocation}` starts a task that is never awaited, so {NullReferenceRule.MemberName(member)} carries on while `{calleeName}` is still running";
        if (!Awaitables.IsAsync(member))
        {
            return RuleResult.Decline(rootCause + ".",
                $"{NullReferenceRule.MemberName(member)} is not async; awaiting would change its signature and every caller", evidence.ToImmutable());
        }

        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        var usingResource = UsingResource(forgotten, invocation, source.SemanticModel);
        if (usingResource is not null)
        {
            rootCause += $"; `{usingResource}` is disposed at the end of its `using` while the task still uses it";
            reasons.Add(new ConfidenceReason(0.15, $"the task uses `{usingResource}`, which a `using` disposes before the task ends"));
        }

        if (secondOperation)
        {
            reasons.Add(new ConfidenceReason(0.1, "the message says a second operation started before the first completed"));
        }

        if (site.ExceptionName == "ObjectDisposedException" && usingResource is not null)
        {
            reasons.Add(new ConfidenceReason(0.1, "the exception is the disposal the race predicts"));
        }

        reasons.Add(new ConfidenceReason(role == "earlier statement" ? -0.1 : 0.05,
            role == "earlier statement" ? "the forgotten task is on an earlier line than the crash" : $"the forgotten task is on the {role} line"));
        var awaited = Awaitables.UsesConfigureAwaitFalse(source.Root) ? $"await {invocation}.ConfigureAwait(false)" : $"await {invocation}";
        var newText = source.Text.WithChanges(new TextChange(invocation.Span, awaited));
        var confidence = Math.Clamp(0.6 + reasons.Sum(r => r.Delta), 0.05, 0.95);
        return RuleResult.Fix(rootCause + ".",
            $"`{invocation}` returns a task that {NullReferenceRule.MemberName(member)}, an async method, neither awaits nor stores; awaiting it makes the code after it wait for the work to finish.",
            "missing-await", Math.Round(confidence, 2), [new FileEdit(source.RelativePath, newText.ToString())], reasons.ToImmutable(), evidence.ToImmutable());
    }

    /// <summary>Forgotten tasks earlier in the throwing method that the throwing line depends on.</summary>
    private static IEnumerable<(StatementSyntax Statement, InvocationExpressionSyntax Call, string Role)> Earlier(CrashSite site)
    {
        var source = site.Throwing;
        if (source.Member is null)
        {
            yield break;
        }

        var model = source.SemanticModel;
        var lineNodes = LineCode.Nodes(source);
        var lineRoots = lineNodes.OfType<ExpressionSyntax>().Select(e => RootSymbol(e, model)).Where(s => s is IFieldSymbol or IPropertySymbol or ILocalSymbol or IParameterSymbol)
            .ToHashSet(SymbolEqualityComparer.Default);
        var lineMembers = lineNodes.OfType<ExpressionSyntax>().Select(e => model.GetSymbolInfo(e).Symbol).Where(s => s is IFieldSymbol or IPropertySymbol)
            .ToHashSet(SymbolEqualityComparer.Default);
        foreach (var statement in source.Member.DescendantNodes(n => n == source.Member || !SourceLocator.IsMember(n)).OfType<StatementSyntax>())
        {
            if (statement.SpanStart >= source.LineSpan.Start)
            {
                break;
            }

            if (statement.Span.End > source.LineSpan.Start)
            {
                // A block or loop around the throwing line: look inside it.
                continue;
            }

            if (Awaitables.ForgottenTask(statement, model) is not { } call)
            {
                continue;
            }

            var sharesReceiver = IsSecondOperation(site) && call.Expression is MemberAccessExpressionSyntax access
                && RootSymbol(access.Expression, model) is { } root && lineRoots.Contains(root);
            var setsWhatLineReads = site.ExceptionName == "NullReferenceException"
                && model.GetSymbolInfo(call).Symbol is IMethodSymbol callee && Assigns(callee, model).Any(lineMembers.Contains);
            if (sharesReceiver || setsWhatLineReads)
            {
                yield return (statement, call, "earlier statement");
            }
        }
    }

    private static bool IsSecondOperation(CrashSite site) =>
        site.Exception.Value?.Contains("second operation", StringComparison.OrdinalIgnoreCase) == true;

    private static ISymbol? RootSymbol(ExpressionSyntax expression, SemanticModel model)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                    return model.GetSymbolInfo(access).Symbol;
                case MemberAccessExpressionSyntax access when model.GetSymbolInfo(access.Expression).Symbol is not INamespaceOrTypeSymbol:
                    expression = access.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case IdentifierNameSyntax:
                    return model.GetSymbolInfo(expression).Symbol;
                default:
                    return null;
            }
        }
    }

    /// <summary>The fields and properties a workspace method assigns.</summary>
    private static IEnumerable<ISymbol> Assigns(IMethodSymbol method, SemanticModel model) =>
        method.OriginalDefinition.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax())
            .Where(s => s.SyntaxTree == model.SyntaxTree)
            .SelectMany(s => s.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            .Select(a => model.GetSymbolInfo(a.Left).Symbol)
            .OfType<ISymbol>()
            .Where(s => s is IFieldSymbol or IPropertySymbol);

    /// <summary>The <c>using</c> variable the forgotten call uses, when the call sits in its scope.</summary>
    private static string? UsingResource(StatementSyntax statement, InvocationExpressionSyntax call, SemanticModel model)
    {
        var used = call.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => model.GetSymbolInfo(i).Symbol).OfType<ILocalSymbol>()
            .ToHashSet(SymbolEqualityComparer.Default);
        foreach (var ancestor in statement.Ancestors())
        {
            if (ancestor is UsingStatementSyntax { Declaration: { } declaration })
            {
                var hit = declaration.Variables.FirstOrDefault(v => used.Contains(model.GetDeclaredSymbol(v)));
                if (hit is not null)
                {
                    return hit.Identifier.Text;
                }
            }

            if (ancestor is BlockSyntax block)
            {
                foreach (var local in block.Statements.TakeWhile(s => s != statement && !s.Span.Contains(statement.Span)).OfType<LocalDeclarationStatementSyntax>())
                {
                    if (!local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
                    {
                        continue;
                    }

                    var hit = local.Declaration.Variables.FirstOrDefault(v => used.Contains(model.GetDeclaredSymbol(v)));
                    if (hit is not null)
                    {
                        return hit.Identifier.Text;
                    }
                }
            }

            if (SourceLocator.IsMember(ancestor))
            {
                break;
            }
        }

        return null;
    }
}
