using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Infers what a method does when a value is missing or a collection is empty, from (in order) its own absence
/// guards, its own "nothing" returns, the absence guards of sibling members with the same return type, its
/// <c>&lt;returns&gt;</c> documentation, and a nullable return type. Returns null (with the reason) when the
/// code says nothing or says several different things.
/// </summary>
public static partial class AbsenceFallback
{
    /// <param name="member">The method, local function or lambda around <paramref name="anchor"/>.</param>
    /// <param name="anchor">The statement the exit will be inserted before (loop exits must share its loop).</param>
    /// <param name="throwMessage">The message expression to use when the code's answer is to throw; null forbids throwing.</param>
    public static Fallback? Infer(SyntaxNode member, SyntaxNode anchor, SemanticModel model, string? throwMessage, out string whyNot)
    {
        whyNot = "";
        var anchorLoop = ExitPaths.EnclosingLoop(anchor, member);
        var ownGuards = ExitPaths.Guards(member)
            .Where(g => IsAbsenceGuard(g, model) && !g.Jump.Span.Contains(anchor.Span) && !anchor.Span.Contains(g.Jump.Span))
            .Where(g => !g.IsLoopExit || (anchorLoop is not null && ExitPaths.EnclosingLoop(g.Jump, member) == anchorLoop))
            .ToList();
        var fromGuards = Distinct(ownGuards.Select(g => Render(g, model, throwMessage, 0.85, "the method already exits this way when a value is missing")));
        if (fromGuards.Count == 1)
        {
            return fromGuards[0];
        }

        if (fromGuards.Count > 1)
        {
            whyNot = "the method handles missing values in more than one way, so the intended one is unclear";
            return null;
        }

        var anchorStatement = anchor as StatementSyntax ?? anchor.FirstAncestorOrSelf<StatementSyntax>();
        var neutralReturns = ExitPaths.Returns(member)
            .Where(r => r.Expression is not null && ExitPaths.IsNeutralValue(r.Expression) && r != anchorStatement)
            .Select(r => new Fallback($"return {r.Expression};", r.Expression!.ToString(), 0.75, "the method already returns this value when it finds nothing", r))
            .ToList();
        var fromReturns = Distinct(neutralReturns);
        if (fromReturns.Count == 1)
        {
            return fromReturns[0];
        }

        if (fromReturns.Count > 1)
        {
            whyNot = "the method returns several different 'nothing' values, so the intended one is unclear";
            return null;
        }

        var returnType = ReturnTypeSyntax(member);
        var returnSymbol = ReturnTypeSymbol(member, model);
        if (returnSymbol is not null && member.Parent is TypeDeclarationSyntax type)
        {
            var siblingGuards = type.Members
                .Where(m => m != member && SourceLocatorMember(m))
                .SelectMany(m => ExitPaths.Guards(m).Select(g => (Guard: g, SameType: SymbolEqualityComparer.Default.Equals(ReturnTypeSymbol(m, model), returnSymbol))))
                .Where(g => IsAbsenceGuard(g.Guard, model) && ((g.SameType && g.Guard.ReturnedValue is not null) || g.Guard.IsThrow))
                .Select(g => g.Guard)
                .Select(g => Render(g, model, throwMessage, 0.7, "sibling members of this type exit this way when a value is missing"));
            var fromSiblings = Distinct(siblingGuards);
            if (fromSiblings.Count == 1)
            {
                return fromSiblings[0];
            }

            if (fromSiblings.Count > 1)
            {
                whyNot = "sibling members handle missing values in different ways, so the intended one is unclear";
                return null;
            }
        }

        if (DocumentedReturn(member, returnSymbol) is { } documented)
        {
            return documented;
        }

        if (returnType is NullableTypeSyntax && returnSymbol is not null)
        {
            return new Fallback("return null;", "null", 0.55, "the return type is nullable, so null is the method's way to say 'nothing'", null);
        }

        whyNot = "the code does not show what should happen when the value is missing (no guard, 'nothing' return, nullable return or documentation to follow)";
        return null;
    }

    /// <summary>
    /// A guard about a value that turned out to be missing. A throwing check of parameters only is a precondition
    /// (the caller's mistake), not the code's answer to a missing entry, so it does not count.
    /// </summary>
    public static bool IsAbsenceGuard(GuardedExit guard, SemanticModel model)
    {
        if (guard.Jump is ThrowExpressionSyntax)
        {
            return !ChecksOnlyParameters(guard.Condition, model);
        }

        if (!ExitPaths.IsAbsenceTest(guard.Condition))
        {
            return false;
        }

        return !guard.IsThrow || !ChecksOnlyParameters(guard.Condition, model);
    }

    private static bool ChecksOnlyParameters(ExpressionSyntax condition, SemanticModel model)
    {
        var symbols = condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Select(i => model.GetSymbolInfo(i).Symbol)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
            .ToList();
        return symbols.Count > 0 && symbols.All(s => s is IParameterSymbol);
    }

    private static bool SourceLocatorMember(MemberDeclarationSyntax member) => member is MethodDeclarationSyntax or PropertyDeclarationSyntax;

    public static TypeSyntax? ReturnTypeSyntax(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m => m.ReturnType,
        LocalFunctionStatementSyntax l => l.ReturnType,
        PropertyDeclarationSyntax p => p.Type,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } a when a.IsKind(SyntaxKind.GetAccessorDeclaration) => p.Type,
        _ => null,
    };

    /// <summary>The type a <c>return</c> in the member gives back (unwrapping <c>Task&lt;T&gt;</c> for async methods).</summary>
    public static ITypeSymbol? ReturnTypeSymbol(SyntaxNode member, SemanticModel model)
    {
        var symbol = member switch
        {
            MethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax => model.GetDeclaredSymbol(member) as IMethodSymbol,
            AnonymousFunctionExpressionSyntax => model.GetSymbolInfo(member).Symbol as IMethodSymbol,
            PropertyDeclarationSyntax p => (model.GetDeclaredSymbol(p) as IPropertySymbol)?.GetMethod,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        var type = symbol.ReturnType;
        if (symbol.IsAsync && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task)
        {
            return task.TypeArguments[0];
        }

        return type;
    }

    private static Fallback? DocumentedReturn(SyntaxNode member, ITypeSymbol? returnType)
    {
        if (returnType is null)
        {
            return null;
        }

        var doc = member.GetLeadingTrivia()
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(d => d.Content.OfType<XmlElementSyntax>())
            .Where(e => e.StartTag.Name.LocalName.ValueText is "returns" or "summary")
            .Select(e => string.Concat(e.Content.Select(c => c.ToString())))
            .FirstOrDefault(text => NothingWords().IsMatch(text));
        if (doc is null)
        {
            return null;
        }

        if (NullWord().IsMatch(doc) && (returnType.IsReferenceType || returnType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
        {
            return new Fallback("return null;", "null", 0.7, "the documentation says the method returns null in this case", null);
        }

        if (ZeroWord().IsMatch(doc) && IsNumeric(returnType))
        {
            return new Fallback("return 0;", "0", 0.7, "the documentation says the method returns zero in this case", null);
        }

        if (FalseWord().IsMatch(doc) && returnType.SpecialType == SpecialType.System_Boolean)
        {
            return new Fallback("return false;", "false", 0.7, "the documentation says the method returns false in this case", null);
        }

        return null;
    }

    public static bool IsNumeric(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_Decimal or SpecialType.System_Double
        or SpecialType.System_Single or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    private static Fallback? Render(GuardedExit guard, SemanticModel model, string? throwMessage, double confidence, string reason)
    {
        if (guard.IsThrow)
        {
            var creation = guard.ThrownCreation;
            if (throwMessage is null || creation is null || model.GetTypeInfo(creation).Type is not INamedTypeSymbol exception
                || !exception.InstanceConstructors.Any(c => c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String))
            {
                return null;
            }

            var typeText = creation is ObjectCreationExpressionSyntax named ? named.Type.ToString() : exception.Name;
            return new Fallback($"throw new {typeText}({throwMessage});", null, confidence - 0.05, reason, guard.Jump);
        }

        return guard.Jump switch
        {
            ReturnStatementSyntax r => new Fallback(r.ToString(), r.Expression?.ToString(), confidence, reason, guard.Jump),
            _ => new Fallback(guard.Jump.ToString(), null, confidence, reason, guard.Jump),
        };
    }

    private static List<Fallback> Distinct(IEnumerable<Fallback?> candidates) =>
        candidates.OfType<Fallback>()
            .GroupBy(c => Regex.Replace(c.Jump, @"\s+", " "), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();

    [GeneratedRegex(@"\b(not found|no such|missing|absent|unknown|empty|no \w+|none|nothing|otherwise|if|when)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NothingWords();

    [GeneratedRegex(@"\bnull\b", RegexOptions.IgnoreCase)]
    private static partial Regex NullWord();

    [GeneratedRegex(@"(\b0\b|\bzero\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroWord();

    [GeneratedRegex(@"\bfalse\b", RegexOptions.IgnoreCase)]
    private static partial Regex FalseWord();
}
