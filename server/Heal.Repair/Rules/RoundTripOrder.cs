using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// A caller reads positional fields into a constructor's arguments (<c>new GeoPoint(c[0].GetDouble(), c[1].GetDouble())</c>)
/// in another order than the type's own writer puts them there (<c>new[] { p.Longitude, p.Latitude }</c>), and the
/// constructor's guard rejects the value that landed in the wrong parameter. The writer is the code's own statement of the
/// format, so the reader takes each field from the position the writer gives the property its parameter sets. Answers
/// only when the writer covers every positional argument and the mismatch involves the guarded parameter.
/// </summary>
public static class RoundTripOrder
{
    public static RuleResult? Apply(CrashSite site, GuardClause guard, string rootCause, CancellationToken cancellationToken)
    {
        if (guard.Parameter is not { ContainingSymbol: IMethodSymbol constructor } guarded || site.Callers.IsDefaultOrEmpty)
        {
            return null;
        }

        var caller = site.Callers[0];
        var model = caller.SemanticModel;
        var calls = LineCode.Nodes(caller).OfType<BaseObjectCreationExpressionSyntax>()
            .Where(c => SymbolEqualityComparer.Default.Equals((model.GetSymbolInfo(c, cancellationToken).Symbol as IMethodSymbol)?.OriginalDefinition, constructor.OriginalDefinition))
            .ToList();
        if (calls is not [{ ArgumentList.Arguments: var arguments } call] || arguments.Count != constructor.Parameters.Length)
        {
            return null;
        }

        // Each argument read from one position of the same receiver: `fields[2]`, `c[0].GetDouble()`, `double.Parse(f[1])`.
        var reads = new Dictionary<IParameterSymbol, (LiteralExpressionSyntax Index, string Receiver)>(SymbolEqualityComparer.Default);
        for (var i = 0; i < arguments.Count; i++)
        {
            var positional = arguments[i].Expression.DescendantNodesAndSelf().OfType<ElementAccessExpressionSyntax>()
                .Where(e => e.ArgumentList.Arguments is [{ Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } }])
                .ToList();
            if (positional.Count == 1)
            {
                reads[constructor.Parameters[i]] = ((LiteralExpressionSyntax)positional[0].ArgumentList.Arguments[0].Expression, positional[0].Expression.ToString());
            }
        }

        if (reads.Count < 2 || reads.Values.Select(r => r.Receiver).Distinct(StringComparer.Ordinal).Count() != 1 || !reads.ContainsKey(guarded))
        {
            return null;
        }

        var properties = PropertiesSet(constructor, cancellationToken);
        if (!properties.ContainsKey(guarded))
        {
            return null;
        }

        // The type's writer: some of the same properties, the guarded one among them, laid out by position; the reads
        // it covers are the ones it orders (a key written apart from them keeps its place).
        var scope = caller.Member?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (scope is null || Writer(scope, model, [.. reads.Keys.Where(properties.ContainsKey).Select(p => properties[p])], properties[guarded], cancellationToken) is not { } writer)
        {
            return null;
        }

        reads = reads.Where(r => properties.TryGetValue(r.Key, out var stored) && writer.Positions.ContainsKey(stored)).ToDictionary(r => r.Key, r => r.Value, (IEqualityComparer<IParameterSymbol>)SymbolEqualityComparer.Default);
        if (reads.Count < 2)
        {
            return null;
        }

        // The writer's order mapped onto the positions the reader uses (a writer of just these fields may start at 0
        // while the reader's record holds them at 3 and 4).
        var slots = new List<int>();
        foreach (var read in reads.Values)
        {
            if (!int.TryParse(read.Index.Token.ValueText, out var index) || slots.Contains(index))
            {
                return null;
            }

            slots.Add(index);
        }

        slots.Sort();
        var changes = new List<TextChange>();
        foreach (var (parameter, read) in reads)
        {
            var wanted = slots[writer.Positions[properties[parameter]]];
            if (wanted.ToString(System.Globalization.CultureInfo.InvariantCulture) != read.Index.Token.ValueText)
            {
                changes.Add(new TextChange(read.Index.Span, wanted.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        // The guarded parameter must be among those that move.
        if (changes.Count < 2 || !changes.Any(c => c.Span == reads[guarded].Index.Span))
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            RuleKit.ThrowingLine(site.Throwing),
            RuleKit.Evidence(site.Throwing, guard.Statement, "the guard stating the precondition"),
            RuleKit.ThrowingLine(caller) with { Role = "caller" },
            RuleKit.Evidence(caller, writer.Node, "the type's own writer lays the same fields out in this order"),
        };
        return RuleKit.Fix(
            rootCause + $" `{call}` reads the positions in another order than the type's own writer lays them out, so `{guarded.Name}` receives another field.",
            "The reader and the writer of one positional format disagree on the order of its fields; the writer is what the data was written with.",
            "reorder-like-writer",
            [(0.35, $"the value the guard rejects comes from a position the type's writer gives to another property"),
             (0.35, $"`{IntentLocator.LineText(writer.Node)}` writes the same properties by position"),
             (0.05, "the callee's guard states the precondition")],
            evidence, RuleKit.Edit(caller, [.. changes.OrderBy(c => c.Span.Start)]));
    }

    /// <summary>Parameter → the property or field the constructor stores it in (<c>Latitude = latitude;</c>, or a positional record's property).</summary>
    private static Dictionary<IParameterSymbol, ISymbol> PropertiesSet(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var found = new Dictionary<IParameterSymbol, ISymbol>(SymbolEqualityComparer.Default);
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            foreach (var assignment in node.DescendantNodes().OfType<AssignmentExpressionSyntax>().Where(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression)))
            {
                var target = assignment.Left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member ? member.Name.Identifier.ValueText
                    : assignment.Left is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : null;
                if (target is not null && assignment.Right is IdentifierNameSyntax { Identifier.ValueText: var source }
                    && constructor.Parameters.FirstOrDefault(p => p.Name == source) is { } parameter
                    && constructor.ContainingType.GetMembers(target).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol) is { } stored)
                {
                    found[parameter] = stored;
                }
            }
        }

        if (constructor.ContainingType.IsRecord)
        {
            foreach (var parameter in constructor.Parameters.Where(p => !found.ContainsKey(p)))
            {
                if (constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    found[parameter] = property;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// An array or collection whose elements are reads of some of <paramref name="wanted"/> (each once, at least two,
    /// <paramref name="required"/> among them), in some order; null when there is none or two disagree.
    /// </summary>
    private static (SyntaxNode Node, Dictionary<ISymbol, int> Positions)? Writer(TypeDeclarationSyntax scope, SemanticModel model, List<ISymbol> wanted, ISymbol required, CancellationToken cancellationToken)
    {
        (SyntaxNode, Dictionary<ISymbol, int>)? found = null;
        foreach (var node in scope.DescendantNodes())
        {
            IReadOnlyList<ExpressionSyntax>? elements = node switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                    [.. collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)],
                _ => null,
            };
            if (elements is null || elements.Count < 2 || elements.Count > wanted.Count || model.SyntaxTree != node.SyntaxTree)
            {
                continue;
            }

            var positions = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            for (var i = 0; i < elements.Count; i++)
            {
                if (model.GetSymbolInfo(ExitPaths.Unparenthesize(elements[i]), cancellationToken).Symbol is { } symbol
                    && wanted.Contains(symbol, SymbolEqualityComparer.Default) && !positions.ContainsKey(symbol))
                {
                    positions[symbol] = i;
                }
            }

            if (positions.Count != elements.Count || !positions.ContainsKey(required))
            {
                continue;
            }

            if (found is not null)
            {
                // Two writers: only when they agree is the order stated.
                if (!found.Value.Item2.OrderBy(p => p.Value).Select(p => p.Key).SequenceEqual(positions.OrderBy(p => p.Value).Select(p => p.Key), SymbolEqualityComparer.Default))
                {
                    return null;
                }

                continue;
            }

            found = (node, positions);
        }

        return found;
    }
}
