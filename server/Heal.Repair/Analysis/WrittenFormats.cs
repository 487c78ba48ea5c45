using System.Text.RegularExpressions;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// How the codebase itself writes values of a parsed type as text: writer and formatter code (<c>ToString(format,
/// culture)</c>, interpolation holes with a format, <c>string.Format</c>), format constants, formats named in the XML
/// documentation of the parsing method, its type and the member it fills, and literal inputs of visible tests. A parse
/// that fails on text the codebase wrote is a culture or format bug; this is the evidence of which format that text is in.
/// </summary>
public static partial class WrittenFormats
{
    /// <summary>Everything the solution says about how text for <paramref name="call"/>'s type is written, closest first.</summary>
    public static List<WrittenFormat> Find(LinkedSource source, ParseCall call, CancellationToken cancellationToken)
    {
        var family = Family(call.ResultType);
        if (family is null)
        {
            return [];
        }

        var parseModel = source.SemanticModel;
        var parseType = ParsingMethod(source, cancellationToken)?.ContainingType;
        var target = Target(call.Node, parseModel, cancellationToken);
        var found = new List<WrittenFormat>();
        var solution = source.Document.Project.Solution;
        foreach (var project in solution.Projects)
        {
            var isTests = IsTestProject(project);
            foreach (var document in project.Documents)
            {
                if (document.FilePath is { } path && (path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("\\obj\\", StringComparison.Ordinal)))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var root = document.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult();
                if (root is null)
                {
                    continue;
                }

                var model = document.Id == source.Document.Id ? parseModel : document.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult();
                if (model is null)
                {
                    continue;
                }

                int Linkage(SyntaxNode node, ExpressionSyntax? written)
                {
                    if (target is not null && written is not null && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(Unwrap(written), cancellationToken).Symbol?.OriginalDefinition, target.OriginalDefinition))
                    {
                        return 3;
                    }

                    var type = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
                    if (parseType is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, parseType.OriginalDefinition))
                    {
                        return 2;
                    }

                    return project.Id == source.Document.Project.Id ? 1 : 0;
                }

                if (isTests)
                {
                    found.AddRange(TestLiterals(root, family, call.ResultType));
                    continue;
                }

                foreach (var node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access } invocation
                            when InFamily(model.GetTypeInfo(access.Expression, cancellationToken).Type, family, call.ResultType):
                            found.Add(Writer(invocation, access.Expression, invocation.ArgumentList.Arguments, model, Linkage(invocation, access.Expression), source, cancellationToken));
                            break;
                        case InterpolationSyntax { FormatClause: { } clause } hole
                            when InFamily(model.GetTypeInfo(hole.Expression, cancellationToken).Type, family, call.ResultType):
                            found.Add(new WrittenFormat(clause.FormatStringToken.ValueText, SymbolDisplay.FormatLiteral(clause.FormatStringToken.ValueText, quote: true),
                                InterpolationCulture(hole, model, cancellationToken, clause.FormatStringToken.ValueText), false, WrittenFormatKind.Writer,
                                Linkage(hole, hole.Expression), hole, Line(hole)));
                            break;
                        case VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal } declarator
                            when family == "date" && declarator.Parent?.Parent is FieldDeclarationSyntax { } or LocalDeclarationStatementSyntax { IsConst: true }
                                 && DateFormatPattern().IsMatch(literal.Token.ValueText) && IsWholeFormat(literal.Token.ValueText):
                            found.Add(new WrittenFormat(literal.Token.ValueText, Code(declarator, model, source, cancellationToken) ?? literal.ToString(), FormatCulture.Invariant, false,
                                WrittenFormatKind.Constant, Linkage(declarator, null), declarator, Line(declarator)));
                            break;
                    }
                }
            }
        }

        found.AddRange(Documentation(source, target, family, cancellationToken));
        return [.. found.OrderByDescending(f => f.Linkage)];
    }

    /// <summary>The kind of values a type's text holds: <c>date</c>, <c>number</c>, <c>enum</c>; null for others.</summary>
    public static string? Family(ITypeSymbol type) =>
        ForeignFormat.IsDateType(type) ? "date"
        : ForeignFormat.IsInteger(type) || type.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single ? "number"
        : type.TypeKind == TypeKind.Enum ? "enum"
        : null;

    private static bool InFamily(ITypeSymbol? type, string family, ITypeSymbol parsed)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null && (family == "enum" ? SymbolEqualityComparer.Default.Equals(type, parsed) : Family(type) == family);
    }

    /// <summary><c>x.ToString(format?, provider?)</c>, and whether the text is lower-cased right after.</summary>
    private static WrittenFormat Writer(InvocationExpressionSyntax invocation, ExpressionSyntax written, SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model,
        int linkage, LinkedSource parseSite, CancellationToken cancellationToken)
    {
        string? format = null;
        string? formatCode = null;
        var culture = FormatCulture.Current;
        foreach (var argument in arguments)
        {
            var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
            if (type?.SpecialType == SpecialType.System_String && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string text })
            {
                format = text;
                formatCode = argument.Expression is LiteralExpressionSyntax ? argument.Expression.ToString() : Code(argument.Expression, model, parseSite, cancellationToken) ?? SymbolDisplay.FormatLiteral(text, quote: true);
            }
            else if (type is not null && type.AllInterfaces.Concat([type]).Any(i => i.Name == "IFormatProvider"))
            {
                culture = CultureOf(argument.Expression, model, cancellationToken);
            }
        }

        if (format is not null && IsCultureFreeFormat(format))
        {
            culture = FormatCulture.Invariant;
        }

        var lower = invocation.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToLowerInvariant" or "ToLower" } after && after.Expression == invocation;
        return new WrittenFormat(format, formatCode, culture, lower, WrittenFormatKind.Writer, linkage, invocation, Line(invocation));
    }

    /// <summary>The culture a format-provider argument names: invariant, the machine's, or a named one.</summary>
    public static FormatCulture CultureOf(ExpressionSyntax provider, SemanticModel model, CancellationToken cancellationToken)
    {
        var text = provider.ToString();
        if (text.EndsWith("InvariantCulture", StringComparison.Ordinal) || text.EndsWith("NumberFormatInfo.InvariantInfo", StringComparison.Ordinal)
            || text.EndsWith("DateTimeFormatInfo.InvariantInfo", StringComparison.Ordinal))
        {
            return FormatCulture.Invariant;
        }

        if (text.EndsWith("CurrentCulture", StringComparison.Ordinal) || text.EndsWith("CurrentUICulture", StringComparison.Ordinal) || text == "null")
        {
            return FormatCulture.Current;
        }

        // A field or property initialised with one of the above.
        if (model.GetSymbolInfo(provider, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol
            && model.GetSymbolInfo(provider, cancellationToken).Symbol!.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration)
        {
            var initial = declaration switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                _ => null,
            };
            if (initial is not null && !initial.IsEquivalentTo(provider))
            {
                var inner = initial.SyntaxTree == model.SyntaxTree ? model : null;
                if (inner is not null && initial.ToString() is var initialText && (initialText.EndsWith("InvariantCulture", StringComparison.Ordinal) || initialText.EndsWith("CurrentCulture", StringComparison.Ordinal)))
                {
                    return CultureOf(initial, inner, cancellationToken);
                }
            }
        }

        return FormatCulture.Named;
    }

    /// <summary>
    /// An interpolation is invariant inside <c>FormattableString.Invariant($"…")</c>, <c>string.Create(CultureInfo.InvariantCulture,
    /// $"…")</c> or with a fixed-layout format; otherwise it uses the current culture.
    /// </summary>
    private static FormatCulture InterpolationCulture(InterpolationSyntax hole, SemanticModel model, CancellationToken cancellationToken, string format)
    {
        if (IsCultureFreeFormat(format))
        {
            return FormatCulture.Invariant;
        }

        if (hole.Parent is InterpolatedStringExpressionSyntax interpolated && interpolated.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } list })
        {
            var name = ExitPaths.MethodName(call);
            if (name == "Invariant")
            {
                return FormatCulture.Invariant;
            }

            if (name == "Create" && list.Arguments.Count == 2)
            {
                return CultureOf(list.Arguments[0].Expression, model, cancellationToken);
            }
        }

        return FormatCulture.Current;
    }

    /// <summary>Formats whose output does not depend on the culture: round-trip and sortable layouts, and custom ones without culture-named parts.</summary>
    public static bool IsCultureFreeFormat(string format) =>
        format is "o" or "O" or "s" or "u" or "R" or "r"
        || (format.Length > 1 && !format.Contains('/', StringComparison.Ordinal) && !format.Contains(':', StringComparison.Ordinal)
            && !format.Contains("MMM", StringComparison.Ordinal) && !format.Contains("ddd", StringComparison.Ordinal) && DateFormatPattern().IsMatch(format));

    /// <summary>How a format constant can be named at the parse site (its simple or type-qualified name), when it binds there.</summary>
    private static string? Code(SyntaxNode declaratorOrReference, SemanticModel model, LinkedSource parseSite, CancellationToken cancellationToken)
    {
        var symbol = declaratorOrReference is VariableDeclaratorSyntax v ? model.GetDeclaredSymbol(v, cancellationToken) : model.GetSymbolInfo(declaratorOrReference, cancellationToken).Symbol;
        if (symbol is not IFieldSymbol { IsConst: true } field)
        {
            return null;
        }

        var position = parseSite.Member?.SpanStart ?? 0;
        foreach (var candidate in new[] { field.Name, $"{field.ContainingType.Name}.{field.Name}" })
        {
            var bound = parseSite.SemanticModel.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(candidate), SpeculativeBindingOption.BindAsExpression).Symbol;
            if (SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, field.OriginalDefinition))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Literal inputs in test code: whole literals or the fields of delimited lines (<c>"2026-03-15;12.50"</c>).</summary>
    private static IEnumerable<WrittenFormat> TestLiterals(SyntaxNode root, string family, ITypeSymbol parsed)
    {
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
        {
            foreach (var token in literal.Token.ValueText.Split([';', '\t', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(32))
            {
                if (family == "date" && ForeignFormat.DateLayout(token) is { } layout)
                {
                    yield return new WrittenFormat(layout, SymbolDisplay.FormatLiteral(layout, quote: true), FormatCulture.Invariant, false, WrittenFormatKind.Test, 0, literal, Line(literal));
                }
                else if (family == "number" && ForeignFormat.Describe(token, parsed) is { } shape)
                {
                    yield return new WrittenFormat(null, null, shape.Contains("comma", StringComparison.Ordinal) ? FormatCulture.Named : FormatCulture.Invariant, false,
                        WrittenFormatKind.Test, 0, literal, Line(literal));
                }
            }
        }
    }

    /// <summary>
    /// Formats named in the documentation of the parsing method, its type and the member it fills ("dates are yyyy-MM-dd", "ISO 8601",
    /// "a thousands separator, as in 1,250": grouping words with a comma-grouped sample name the invariant grouping).
    /// </summary>
    private static IEnumerable<WrittenFormat> Documentation(LinkedSource source, ISymbol? target, string family, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var method = ParsingMethod(source, cancellationToken);
        var owners = new[] { method, method?.ContainingType, target }.OfType<ISymbol>().Distinct(SymbolEqualityComparer.Default);
        foreach (var owner in owners)
        {
            var declaration = owner.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            var member = declaration?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            var comment = member?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
            if (comment is null)
            {
                continue;
            }

            var text = comment.ToString();
            if (family == "date")
            {
                foreach (Match match in DateFormatPattern().Matches(text))
                {
                    if (IsWholeFormat(match.Value))
                    {
                        yield return new WrittenFormat(match.Value, SymbolDisplay.FormatLiteral(match.Value, quote: true), FormatCulture.Invariant, false,
                            WrittenFormatKind.Documentation, 2, comment, Line(comment));
                    }
                }

                if (Iso8601().IsMatch(text))
                {
                    foreach (var layout in ForeignFormat.DateLayouts.Where(l => l.StartsWith("yyyy-MM-dd", StringComparison.Ordinal)))
                    {
                        yield return new WrittenFormat(layout, SymbolDisplay.FormatLiteral(layout, quote: true), FormatCulture.Invariant, false,
                            WrittenFormatKind.Documentation, 2, comment, Line(comment));
                    }
                }
            }
            else if (family == "number" && (InvariantWords().IsMatch(text) || (GroupingWords().IsMatch(text) && CommaGroupedSample().IsMatch(text))))
            {
                yield return new WrittenFormat(null, null, FormatCulture.Invariant, false, WrittenFormatKind.Documentation, 2, comment, Line(comment));
            }

            // A sample value in exponent notation (`1.2e-05`) says the text is written that way, with a point.
            if (family == "number" && ForeignFormat.IsExponent(text))
            {
                yield return new WrittenFormat(ForeignFormat.ExponentFormat, null, FormatCulture.Invariant, false, WrittenFormatKind.Documentation, 2, comment, Line(comment));
            }
        }
    }

    private static ISymbol? ParsingMethod(LinkedSource source, CancellationToken cancellationToken) => source.Member switch
    {
        null => null,
        MethodDeclarationSyntax or LocalFunctionStatementSyntax or ConstructorDeclarationSyntax => source.SemanticModel.GetDeclaredSymbol(source.Member, cancellationToken),
        _ => source.SemanticModel.GetEnclosingSymbol(source.LineSpan.Start, cancellationToken),
    };

    /// <summary>The field or property the parsed value is stored in (<c>Placed = DateTime.Parse(…)</c>, <c>new Order(DateTime.Parse(…))</c>).</summary>
    private static ISymbol? Target(SyntaxNode parse, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = parse;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol ? model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol : null;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is FieldDeclarationSyntax:
                return model.GetDeclaredSymbol(declarator, cancellationToken);
            case ArgumentSyntax argument when argument.Parent?.Parent is BaseObjectCreationExpressionSyntax creation
                                             && model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor:
                var list = (ArgumentListSyntax)argument.Parent;
                var parameter = argument.NameColon is { } named
                    ? constructor.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                    : list.Arguments.TakeWhile(a => a != argument).All(a => a.NameColon is null) ? constructor.Parameters.ElementAtOrDefault(list.Arguments.IndexOf(argument)) : null;
                return parameter is null ? null : constructor.ContainingType.GetMembers().FirstOrDefault(m => m is IPropertySymbol && string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            default:
                return null;
        }
    }

    private static bool IsTestProject(Project project) =>
        project.Name.EndsWith("Tests", StringComparison.Ordinal) || project.Name.EndsWith("Test", StringComparison.Ordinal) || project.Name.EndsWith("Specs", StringComparison.Ordinal)
        || project.MetadataReferences.OfType<PortableExecutableReference>().Any(r => Path.GetFileName(r.FilePath ?? "") is "xunit.core.dll" or "nunit.framework.dll" or "Microsoft.VisualStudio.TestPlatform.TestFramework.dll");

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression) => AbsenceConventions.Unwrap(expression);

    private static string Line(SyntaxNode node) => IntentLocator.LineText(node);

    /// <summary>A date format that has a year, a month and a day (not just a time or a lone "dd").</summary>
    private static bool IsWholeFormat(string format) =>
        format.Contains("yy", StringComparison.Ordinal) && format.Contains('M', StringComparison.Ordinal) && format.Contains('d', StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![\w])(?:yyyy|yy|dd|d|MMMM|MMM|MM|M|HH|H|hh|mm|ss)(?:(?:[-/. :T]|'T')+(?:yyyy|yy|dd|d|MMMM|MMM|MM|M|HH|H|hh|mm|ss|fff|FFFFFFF|zzz|K))+(?![\w])")]
    private static partial Regex DateFormatPattern();

    [GeneratedRegex(@"\bISO[- ]?8601\b", RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"\b(invariant culture|InvariantCulture|decimal point|dot as (the )?decimal separator)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvariantWords();

    /// <summary>Says numbers are written grouped: together with a comma-grouped sample (<c>1,250</c>) it names the invariant grouping.</summary>
    [GeneratedRegex(@"\b(thousands?|grouping|group) separators?\b|\bdigit grouping\b", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingWords();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(,\d{3})+(?![\d,])")]
    private static partial Regex CommaGroupedSample();
}
