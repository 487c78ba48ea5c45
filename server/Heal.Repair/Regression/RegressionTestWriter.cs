using System.Collections.Immutable;
using System.Text;
using Heal.Core.Diffs;
using Heal.Repair.Analysis;
using Heal.Repair.Rules;
using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Regression;

/// <summary>
/// Writes a test that reproduces a crash: it calls the failing public code with the inputs the crash implies
/// (<see cref="CrashInputFinder"/>) and, when the patch's fallback says what the result should be, asserts it;
/// otherwise the test only requires that the call no longer throws. The test imitates the existing test file
/// that covers the crashing type (<see cref="TestMirror"/>) and is added next to it as a new file. Validation
/// runs it before the patch (it must fail with the crash) and after (it must pass).
/// </summary>
/// <remarks>
/// Event data reaches the test only as literals written by <see cref="CSharpLiterals"/>; names in the test come
/// from the repository's own symbols, and no comment quotes the event.
/// </remarks>
public static class RegressionTestWriter
{
    /// <summary>The test, or null. Never throws (but for cancellation): a writer failure only means no test.</summary>
    /// <param name="outcome">What the fix gives the failing input, when the evidence names it: the test asserts it.</param>
    public static RegressionTest? TryWriteTest(RepositoryWorkspace workspace, CrashSite site, string patch, ExpectedOutcome? outcome, CancellationToken cancellationToken)
    {
        try
        {
            return Write(workspace, site, patch, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public static RegressionTest Write(RepositoryWorkspace workspace, CrashSite site, string patch, ExpectedOutcome? outcome = null)
    {
        var (inputs, decline) = CrashInputFinder.Find(site, patch);
        if (inputs is null)
        {
            return RegressionTest.Declined(decline!);
        }

        var target = inputs.Target;
        var tree = target.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        var documentId = tree is null ? null : workspace.Solution.GetDocumentId(tree);
        if (documentId is null)
        {
            return RegressionTest.Declined($"{target.Name} is not in a project of the repository");
        }

        var type = target.ContainingType;
        var mirror = TestMirror.Find(workspace, documentId.ProjectId, type.Name);
        if (mirror is null)
        {
            return RegressionTest.Declined($"no test project references the project of {type.Name}");
        }

        if (mirror.NullableEnabled)
        {
            // The null is the point of the test: say so to the compiler rather than warn in the user's build.
            inputs = inputs with
            {
                ParameterValues = inputs.ParameterValues.ToImmutableDictionary(p => p.Key, p => p.Value == "null" ? "null!" : p.Value),
                MemberValues = inputs.MemberValues.ToImmutableDictionary(m => m.Key, m => m.Value == "null" ? "null!" : m.Value, SymbolEqualityComparer.Default),
            };
        }

        var values = new TestValueWriter(inputs.MemberValues);
        var typeName = values.Name(type);
        string? receiver = null;
        if (!target.IsStatic)
        {
            receiver = values.Write(type);
            if (receiver is null)
            {
                return RegressionTest.Declined($"cannot build a {type.Name} from its public constructors");
            }
        }

        var arguments = new List<string>();
        foreach (var parameter in target.Parameters)
        {
            var argument = inputs.ParameterValues.TryGetValue(parameter.Name, out var fixedValue) ? fixedValue : values.Write(parameter.Type);
            if (argument is null)
            {
                return RegressionTest.Declined($"cannot build the {parameter.Name} argument of {target.Name}");
            }

            arguments.Add(argument);
        }

        if (!values.UsedAllMembers)
        {
            var member = inputs.MemberValues.Keys.First();
            return RegressionTest.Declined($"cannot build an input whose {member.ContainingType.Name}.{member.Name} is {inputs.MemberValues[member]}");
        }

        var className = $"{type.Name}{target.Name}RegressionTests";
        var directory = mirror.Directory.Length == 0 ? "" : mirror.Directory + "/";
        var path = directory + className + ".cs";
        for (var n = 2; workspace.Index.Contains(path); n++)
        {
            className = $"{type.Name}{target.Name}Regression{n}Tests";
            path = directory + className + ".cs";
        }

        // The outcome the evidence names is asserted when the test calls the method it is about; without one, a literal the
        // patch itself returns is still checked, but that only restates the patch and proves nothing about its intent.
        var returned = ReturnedType(target);
        var passed = target.Parameters.Zip(arguments).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal);
        var compilation = workspace.Solution.GetDocument(documentId)!.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var assertion = inputs.ThrowingMethodIsTarget ? OutcomeAssertion.For(outcome, target, returned, compilation, passed) : null;
        if (assertion is null && inputs.ThrowingMethodIsTarget && ExpectedResult(patch, site.Throwing.RelativePath) is { } literal && returned is not null)
        {
            assertion = literal == "null"
                ? new OutcomeAssertion(AssertionKind.Null, null, "returns null", "ReturnsNull") with { Restated = true }
                : new OutcomeAssertion(AssertionKind.Equal, literal, $"returns {literal}", "ReturnsExpected") with { Restated = true };
        }

        if (assertion is not null && (assertion.Kind != AssertionKind.Throws && returned is null))
        {
            assertion = null;
        }

        var text = Compose(mirror, values, inputs, typeName, receiver, arguments, className, assertion);
        return new RegressionTest(UnifiedDiff.Create(path, null, text), path, null, assertion is { Restated: false } ? assertion.Describe : null);
    }

    private static string Compose(
        TestMirror mirror, TestValueWriter values, CrashInputs inputs, string typeName, string? receiver, List<string> arguments, string className, OutcomeAssertion? assertion)
    {
        var target = inputs.Target;
        var awaited = target.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: var ns } && ns.ToDisplayString() == "System.Threading.Tasks";
        var returnsValue = awaited ? target.ReturnType is INamedTypeSymbol { IsGenericType: true } : !target.ReturnsVoid;
        if (awaited)
        {
            values.Namespaces.Add("System.Threading.Tasks");
        }

        var usings = mirror.Usings.ToList();
        foreach (var @namespace in values.Namespaces)
        {
            var visible = mirror.Namespace is { } own && (own == @namespace || own.StartsWith(@namespace + ".", StringComparison.Ordinal));
            if (!visible && !usings.Contains($"using {@namespace};"))
            {
                usings.Add($"using {@namespace};");
            }
        }

        var indent = mirror.Indent;
        var lines = new List<string>();
        lines.AddRange(usings.Distinct(StringComparer.Ordinal));
        if (lines.Count > 0)
        {
            lines.Add("");
        }

        var body = indent;
        if (mirror.Namespace is { } testNamespace)
        {
            if (mirror.FileScopedNamespace)
            {
                lines.Add($"namespace {testNamespace};");
                lines.Add("");
                body = "";
            }
            else
            {
                lines.Add($"namespace {testNamespace}");
                lines.Add("{");
            }
        }
        else
        {
            body = "";
        }

        var inner = body + indent;
        var statements = body + indent + indent;
        var classAttributes = mirror.ClassAttributes.ToList();
        if (mirror.Dialect.ClassAttribute is { } required && !classAttributes.Any(a => a.Contains(required, StringComparison.Ordinal)))
        {
            classAttributes.Add($"[{required}]");
        }

        lines.Add($"{body}/// <summary>Reproduces the crash in {typeName}.{target.Name}; written by Heal.</summary>");
        lines.AddRange(classAttributes.Select(a => body + a));
        lines.Add($"{body}{mirror.ClassModifiers} class {className}");
        lines.Add(body + "{");
        lines.Add($"{inner}[{mirror.Dialect.MethodAttribute}]");
        lines.Add($"{inner}public {(awaited ? "async Task" : "void")} {target.Name}_{inputs.Situation}_{(assertion is { Restated: false } ? assertion.NameSuffix : "DoesNotThrow")}()");
        lines.Add(inner + "{");
        string callee;
        if (receiver is null)
        {
            callee = typeName;
        }
        else
        {
            callee = LocalName(target.ContainingType.Name);
            lines.Add($"{statements}var {callee} = {receiver};");
            lines.Add("");
        }

        var call = $"{(awaited ? "await " : "")}{callee}.{target.Name}({string.Join(", ", arguments)})";
        if (assertion?.Kind == AssertionKind.Throws)
        {
            lines.Add(statements + mirror.Dialect.AssertThrows(assertion.Expected!, $"{callee}.{target.Name}({string.Join(", ", arguments)})", awaited));
        }
        else if (returnsValue && assertion is not null)
        {
            lines.Add($"{statements}var result = {call};");
            lines.Add("");
            lines.Add(statements + assertion.Kind switch
            {
                AssertionKind.Null => mirror.Dialect.AssertNull("result"),
                AssertionKind.Empty => mirror.Dialect.AssertEmpty("result"),
                _ => mirror.Dialect.AssertEqual(assertion.Expected!, "result"),
            });
        }
        else
        {
            lines.Add($"{statements}{call};");
        }

        lines.Add(inner + "}");
        lines.Add(body + "}");
        if (mirror.Namespace is not null && !mirror.FileScopedNamespace)
        {
            lines.Add("}");
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(mirror.NewLine);
        }

        return text.ToString();
    }

    /// <summary>
    /// The result the patch gives the crashing input, when it says so plainly: the patch adds exactly one
    /// <c>return</c> of a literal (the fallback of its guard). Otherwise null: the test only asserts no crash.
    /// </summary>
    internal static string? ExpectedResult(string patch, string throwingFile)
    {
        var parsed = Patch.Parse(patch).Value;
        if (parsed is null)
        {
            return null;
        }

        var literals = parsed.Files.Where(f => f.Path == throwingFile)
            .SelectMany(f => f.Hunks).SelectMany(h => h.Lines)
            .Where(l => l.Kind == HunkLineKind.Added && l.Text.Contains("return", StringComparison.Ordinal))
            .SelectMany(l => SyntaxFactory.ParseStatement(l.Text.Trim()).DescendantNodesAndSelf().OfType<ReturnStatementSyntax>())
            .Select(r => r.Expression)
            .ToList();
        if (literals.Count != 1 || literals[0] is not { } value)
        {
            return null;
        }

        var isLiteral = value is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.DefaultLiteralExpression)
            || value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } };
        return isLiteral && !value.ContainsDiagnostics ? value.ToString() : null;
    }

    /// <summary>What a call of <paramref name="target"/> gives back (the <c>T</c> of a <c>Task&lt;T&gt;</c>); null for none.</summary>
    private static ITypeSymbol? ReturnedType(IMethodSymbol target)
    {
        if (target.ReturnsVoid)
        {
            return null;
        }

        if (target.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" } task && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            return task.TypeArguments.Length == 1 ? task.TypeArguments[0] : null;
        }

        return target.ReturnType;
    }

    private static string LocalName(string typeName)
    {
        var name = char.ToLowerInvariant(typeName[0]) + typeName[1..];
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None || name == "result" ? "subject" : name;
    }
}
