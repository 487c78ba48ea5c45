using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>
/// A method that returns a disposable wrapper built on a resource it disposes (<c>using var s = File.OpenRead(p); return new
/// StreamReader(s);</c>): the fix is to stop disposing it there, because the wrapper disposes it. That needs evidence that the
/// wrapper does: a constructor overload with a <c>leaveOpen</c> flag (the .NET convention for "closes the inner object unless
/// told otherwise") not set here, or, for a type of the workspace, a <c>Dispose</c> that disposes the member the constructor
/// stores the resource in.
/// </summary>
/// <param name="Wrapper">The returned wrapper type's name.</param>
/// <param name="Evidence">Where the wrapper's ownership shows; null when it does not (then <paramref name="Problem"/> says why).</param>
/// <param name="Reason">The confidence reason.</param>
/// <param name="Problem">Why ownership cannot be transferred.</param>
public sealed record OwnershipTransfer(string Wrapper, Evidence? Evidence, string Reason, string? Problem)
{
    /// <summary>Null when the returns are not wrappers of <paramref name="resource"/>, or when another exit could leak it.</summary>
    public static OwnershipTransfer? Find(LinkedSource source, LocalDeclarationStatementSyntax usingDeclaration, ILocalSymbol resource,
        IReadOnlyList<ReturnStatementSyntax> escaping, ITypeSymbol returnType, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!Disposable(returnType) || usingDeclaration.Parent is not BlockSyntax scope)
        {
            return null;
        }

        // Every way out after the resource is made must hand it over: another return or a throw would now leak it.
        var after = scope.Statements.SkipWhile(s => s != usingDeclaration).Skip(1).SelectMany(s => s.DescendantNodesAndSelf()).ToList();
        var returns = after.OfType<ReturnStatementSyntax>().ToList();
        if (returns.Count != escaping.Count || after.Any(n => n is ThrowStatementSyntax or ThrowExpressionSyntax or YieldStatementSyntax)
            || returns.Any(r => !escaping.Contains(r)))
        {
            return null;
        }

        ObjectCreationExpressionSyntax? creation = null;
        foreach (var exit in escaping)
        {
            if (ExitPaths.Unparenthesize(exit.Expression!) is not ObjectCreationExpressionSyntax made
                || made.ArgumentList?.Arguments.Count(a => IsResource(a.Expression, resource, model)) != 1
                || creation is not null && !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(made, cancellationToken).Type, model.GetTypeInfo(creation, cancellationToken).Type))
            {
                return null;
            }

            creation = made;
        }

        if (creation is null || model.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol constructor)
        {
            return null;
        }

        var wrapper = constructor.ContainingType;
        var argument = creation.ArgumentList!.Arguments.First(a => IsResource(a.Expression, resource, model));
        var parameter = ParameterFor(constructor, creation.ArgumentList.Arguments, argument);
        if (parameter is null)
        {
            return null;
        }

        // The .NET convention: a leaveOpen overload means the wrapper closes what it wraps unless asked not to.
        var leaveOpenOverload = wrapper.InstanceConstructors.SelectMany(c => c.Parameters).Any(p => p.Name == "leaveOpen" && p.Type.SpecialType == SpecialType.System_Boolean);
        if (leaveOpenOverload && wrapper.Locations.All(l => !l.IsInSource))
        {
            var leaveOpen = constructor.Parameters.FirstOrDefault(p => p.Name == "leaveOpen");
            var passed = leaveOpen is null ? null : creation.ArgumentList.Arguments.FirstOrDefault(a => ParameterFor(constructor, creation.ArgumentList.Arguments, a) is { } p && SymbolEqualityComparer.Default.Equals(p, leaveOpen));
            if (passed is not null && passed.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression })
            {
                return new OwnershipTransfer(wrapper.Name, null, "", $"the `{wrapper.Name}` is told to leave `{resource.Name}` open, so something else must dispose it");
            }

            return new OwnershipTransfer(wrapper.Name, RuleKit.Evidence(source, creation, $"{wrapper.Name} closes the {parameter.Type.Name} it wraps unless leaveOpen is set"),
                $"`{wrapper.Name}` disposes the `{parameter.Type.Name}` it wraps (it has a leaveOpen overload, not used here)", null);
        }

        if (DisposesWhatItStores(wrapper, constructor, parameter, cancellationToken) is { } dispose)
        {
            var tree = dispose.SyntaxTree;
            var line = tree.GetLineSpan(dispose.Span).StartLinePosition.Line + 1;
            var text = tree.GetText(cancellationToken).Lines[line - 1].ToString().Trim();
            var evidence = tree == source.Root.SyntaxTree
                ? RuleKit.Evidence(source, dispose, $"{wrapper.Name} disposes what it wraps")
                : new Evidence(RelativePath(source, tree.FilePath), line, text, $"{wrapper.Name} disposes what it wraps");
            return new OwnershipTransfer(wrapper.Name, evidence, $"`{wrapper.Name}.Dispose` disposes the `{parameter.Type.Name}` its constructor is given", null);
        }

        return new OwnershipTransfer(wrapper.Name, null, "", $"whether the `{wrapper.Name}` it returns disposes `{resource.Name}` is unclear");
    }

    /// <summary><paramref name="path"/> relative to the repository, which the frame's own absolute and relative paths locate.</summary>
    private static string RelativePath(LinkedSource source, string path)
    {
        var own = source.Document.FilePath ?? "";
        var root = own.EndsWith(source.RelativePath, StringComparison.Ordinal) ? own[..^source.RelativePath.Length] : "";
        return root.Length > 0 && path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : Path.GetFileName(path);
    }

    private static bool Disposable(ITypeSymbol type) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable") || type.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable";

    private static bool IsResource(ExpressionSyntax expression, ILocalSymbol resource, SemanticModel model) =>
        ExitPaths.Unparenthesize(expression) is IdentifierNameSyntax name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, resource);

    private static IParameterSymbol? ParameterFor(IMethodSymbol constructor, SeparatedSyntaxList<ArgumentSyntax> arguments, ArgumentSyntax argument)
    {
        if (argument.NameColon is { } named)
        {
            return constructor.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText);
        }

        var index = arguments.IndexOf(argument);
        return index < constructor.Parameters.Length ? constructor.Parameters[index] : null;
    }

    /// <summary>The <c>Dispose</c> call on the field or property the constructor assigns from <paramref name="parameter"/>, in the wrapper's source.</summary>
    private static SyntaxNode? DisposesWhatItStores(INamedTypeSymbol wrapper, IMethodSymbol constructor, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var stored = new List<ISymbol>();
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            foreach (var assignment in syntax.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (ExitPaths.Unparenthesize(assignment.Right) is IdentifierNameSyntax { Identifier.ValueText: var name } && name == parameter.Name
                    && wrapper.GetMembers(Member(assignment.Left)).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol) is { } member)
                {
                    stored.Add(member);
                }
            }
        }

        // Primary constructor: the parameter itself is the stored member.
        var names = stored.Select(s => s.Name).Append(constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax) ? parameter.Name : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return null;
        }

        return wrapper.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name is "Dispose" or "DisposeAsync" or "Close")
            .SelectMany(m => m.DeclaringSyntaxReferences).Select(r => r.GetSyntax(cancellationToken))
            .SelectMany(s => s.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" or "Close" } access
                && Member(access.Expression) is { } target && names.Contains(target)
                || i.Expression is MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" or "Close" }
                && i.Parent is ConditionalAccessExpressionSyntax { Expression: var receiver } && Member(receiver) is { } bound && names.Contains(bound));
    }

    private static string Member(ExpressionSyntax expression) => ExitPaths.Unparenthesize(expression) switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => "",
    };
}
