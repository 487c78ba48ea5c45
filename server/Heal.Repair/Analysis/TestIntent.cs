using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// What the visible tests say: a test of the failing method whose name speaks of the failing condition
/// (<c>Rate_UnknownCountry_ReturnsDefault</c>, <c>Find_MissingId_ReturnsNull</c>) and whose assertion names the result
/// (<c>Assert.Equal(X, …)</c>, <c>Assert.Null</c>, <c>Assert.False</c>, <c>Assert.Empty</c>, <c>Assert.Throws&lt;T&gt;</c>, and
/// their NUnit, MSTest and FluentAssertions spellings). Only syntax is read: test projects need not compile here.
/// </summary>
public static partial class TestIntent
{
    public const double Weight = 0.35;

    /// <summary>At most this many test files are parsed per query, so a huge test suite costs a bounded time.</summary>
    private const int MaxFiles = 200;

    public static IEnumerable<IntentSignal> Read(IntentQuery query, IMethodSymbol method, IntentLocator locator, CancellationToken cancellationToken)
    {
        var home = query.Source.Document.Project;
        var parsed = 0;
        foreach (var project in locator.Solution.Projects.Where(p => p.Id != home.Id && p.ProjectReferences.Any(r => r.ProjectId == home.Id)))
        {
            foreach (var document in project.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parsed >= MaxFiles)
                {
                    yield break;
                }

                var content = document.GetTextAsync(cancellationToken).GetAwaiter().GetResult().ToString();
                if (!content.Contains(method.Name + "(", StringComparison.Ordinal) || !TestAttribute().IsMatch(content))
                {
                    continue;
                }

                parsed++;
                var root = document.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult();
                if (root is null)
                {
                    continue;
                }

                foreach (var test in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsTest))
                {
                    if (!ConditionWords.Mentions(query.Condition, Words(ConditionPart(test.Identifier.ValueText))))
                    {
                        continue;
                    }

                    var calls = test.DescendantNodes().OfType<InvocationExpressionSyntax>()
                        .Where(i => ExitPaths.MethodName(i) == method.Name && i.ArgumentList.Arguments.Count <= method.Parameters.Length)
                        .ToList();
                    if (calls.Count == 0)
                    {
                        continue;
                    }

                    foreach (var (outcome, assertion) in Asserted(test, calls, query))
                    {
                        var stance = outcome.Kind == OutcomeKind.Throw && outcome.Canonical == query.Site.ExceptionName ? IntentStance.Intended : IntentStance.Names;
                        var signal = locator.Signal(IntentKind.VisibleTest, stance, stance == IntentStance.Intended ? ExpectedOutcome.Surface(outcome.Value) : outcome, Weight, assertion);
                        yield return signal with { Text = $"{test.Identifier.ValueText}: {signal.Text}" };
                    }
                }
            }
        }
    }

    private static IEnumerable<(ExpectedOutcome Outcome, SyntaxNode Assertion)> Asserted(MethodDeclarationSyntax test, List<InvocationExpressionSyntax> calls, IntentQuery query)
    {
        // The values that hold the call's result: the call itself, or a local assigned from it (awaited or not).
        var results = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var value = call.Parent is AwaitExpressionSyntax awaited ? (ExpressionSyntax)awaited : call;
            if (value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                results.Add(declarator.Identifier.ValueText);
            }
        }

        bool IsResult(ExpressionSyntax? e) => e is not null && (AbsenceConventions.Unwrap(e) is var u && (calls.Any(c => u.Span.Contains(c.Span) && (u == c || u is AwaitExpressionSyntax))
            || u is IdentifierNameSyntax id && results.Contains(id.Identifier.ValueText)));

        foreach (var invocation in test.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = ExitPaths.MethodName(invocation);
            var args = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
            var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            ExpectedOutcome? outcome = null;
            switch (name)
            {
                case "Equal" or "AreEqual" or "StrictEqual" when args.Count >= 2 && IsResult(args[1]):
                    outcome = Value(args[0], query);
                    break;
                case "Null" or "IsNull" when args.Count >= 1 && IsResult(args[0]):
                    outcome = ExpectedOutcome.Returns("null");
                    break;
                case "False" or "IsFalse" when args.Count >= 1 && IsResult(args[0]):
                    outcome = ExpectedOutcome.Returns("false");
                    break;
                case "Empty" or "IsEmpty" when args.Count >= 1 && IsResult(args[0]):
                    outcome = ExpectedOutcome.Returns("[]");
                    break;
                case "That" when args.Count >= 2 && IsResult(args[0]):
                    outcome = Constraint(args[1], query);
                    break;
                case "Be" or "BeNull" or "BeFalse" or "BeEmpty" when receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should", Expression: var subject } } && IsResult(subject):
                    outcome = name switch
                    {
                        "BeNull" => ExpectedOutcome.Returns("null"),
                        "BeFalse" => ExpectedOutcome.Returns("false"),
                        "BeEmpty" => ExpectedOutcome.Returns("[]"),
                        _ => args.Count >= 1 ? Value(args[0], query) : null,
                    };
                    break;
                case "Throws" or "ThrowsAsync" or "ThrowsException" or "ThrowsExceptionAsync"
                    when invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } }
                         && args.Count >= 1 && calls.Any(c => args[^1].Span.Contains(c.Span)):
                    outcome = ExpectedOutcome.Throws(type.ToString());
                    break;
            }

            if (outcome is not null)
            {
                yield return (outcome, invocation);
            }
        }
    }

    private static ExpectedOutcome? Constraint(ExpressionSyntax constraint, IntentQuery query) => constraint switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Null" } => ExpectedOutcome.Returns("null"),
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "False" } => ExpectedOutcome.Returns("false"),
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } => ExpectedOutcome.Returns("[]"),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EqualTo" } } equal
            when equal.ArgumentList.Arguments.Count == 1 => Value(equal.ArgumentList.Arguments[0].Expression, query),
        _ => null,
    };

    /// <summary>An asserted value, written as the crash site would name it: a literal, or a member that binds there.</summary>
    private static ExpectedOutcome? Value(ExpressionSyntax expected, IntentQuery query)
    {
        expected = AbsenceConventions.Unwrap(expected);
        if (expected is LiteralExpressionSyntax or PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } or DefaultExpressionSyntax)
        {
            return ExpectedOutcome.Returns(expected.ToString());
        }

        foreach (var candidate in new ExpressionSyntax?[] { (expected as MemberAccessExpressionSyntax)?.Name, expected })
        {
            if (candidate is null)
            {
                continue;
            }

            var text = SyntaxFactory.ParseExpression(candidate.ToString());
            if (query.Model.GetSpeculativeSymbolInfo(query.Subject.SpanStart, text, SpeculativeBindingOption.BindAsExpression).Symbol is IFieldSymbol or IPropertySymbol)
            {
                return ExpectedOutcome.Returns(candidate.ToString());
            }
        }

        return null;
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Split('.').Last() is "Fact" or "Theory" or "Test" or "TestCase" or "TestMethod" or "DataTestMethod");

    /// <summary><c>Rate_UnknownCountry_ReturnsDefault</c> → <c>Rate unknown country returns default</c>.</summary>
    /// <summary>
    /// The part of a test's name that states its case: the middle of <c>Method_Condition_Outcome</c> (in
    /// <c>Problems_CleanApplication_None</c> "None" is the expected result, not a missing value); the whole name otherwise.
    /// </summary>
    public static string ConditionPart(string name) => name.Split('_') is { Length: 3 } parts ? parts[1] : name;

    public static string Words(string name) => string.Join(' ', WordPattern().Matches(name.Replace('_', ' ')).Select(m => m.Value.ToLowerInvariant()));

    [GeneratedRegex(@"\[(Fact|Theory|Test|TestCase|TestMethod|DataTestMethod)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")]
    private static partial Regex WordPattern();
}
