using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Reads XML documentation (<c>summary</c>, <c>returns</c>, <c>value</c>, <c>remarks</c>, the subject's <c>param</c>,
/// <c>exception</c>) for what it says about a failing condition. Structure first: a <c>&lt;see langword="null"/&gt;</c>,
/// a <c>cref</c> to a constant, field, property or enum member, <c>&lt;c&gt;code&lt;/c&gt;</c> and plain identifiers that
/// Roslyn binds at the crash site are values; a <c>cref</c> to an exception type is a throw. <see cref="ConditionWords"/>
/// only decides whether a sentence is about the failing case and how it links the case to the value.
/// </summary>
public static partial class DocIntent
{
    /// <summary>Signals from <paramref name="symbol"/>'s documentation, read as <paramref name="role"/>.</summary>
    public static IEnumerable<IntentSignal> Read(IntentQuery query, ISymbol symbol, DocRole role, IntentLocator locator)
    {
        var (declaration, parameter) = Documented(symbol);
        if (declaration is null || Comment(declaration) is not { } comment)
        {
            yield break;
        }

        var model = locator.ModelFor(declaration.SyntaxTree);
        foreach (var element in comment.Content.OfType<XmlElementSyntax>())
        {
            var name = element.StartTag.Name.LocalName.ValueText;
            var nameAttribute = element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
            var relevant = name switch
            {
                "summary" or "returns" or "remarks" or "value" => parameter is null,
                "param" => parameter is not null && nameAttribute == parameter,
                "exception" => parameter is null || role == DocRole.FailingMethod,
                _ => false,
            };
            if (!relevant)
            {
                continue;
            }

            if (name == "exception")
            {
                if (Exception(query, element, model, role, locator) is { } thrown)
                {
                    yield return thrown;
                }

                continue;
            }

            foreach (var sentence in Sentences(element, model, query))
            {
                if (Interpret(query, sentence, name, role, locator) is { } signal)
                {
                    yield return signal;
                }
            }
        }
    }

    /// <summary>The declaration carrying <paramref name="symbol"/>'s documentation, and the parameter when it is one.</summary>
    /// <summary>
    /// The declaration carrying <paramref name="symbol"/>'s documentation, and the <c>param</c> name to read when the symbol
    /// is a parameter or a record's positional property.
    /// </summary>
    private static (SyntaxNode? Declaration, string? Parameter) Documented(ISymbol symbol)
    {
        var owner = symbol is IParameterSymbol p ? p.ContainingSymbol : symbol;
        var syntax = owner.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        SyntaxNode? declaration = syntax switch
        {
            VariableDeclaratorSyntax v => v.FirstAncestorOrSelf<MemberDeclarationSyntax>(),
            ParameterSyntax { Parent.Parent: TypeDeclarationSyntax record } => record,
            LocalFunctionStatementSyntax f => f,
            MemberDeclarationSyntax m => m,
            _ => null,
        };
        var parameter = symbol is IParameterSymbol || syntax is ParameterSyntax ? symbol.Name : null;
        return (declaration, parameter);
    }

    private static DocumentationCommentTriviaSyntax? Comment(SyntaxNode declaration) =>
        declaration.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();

    private static IntentSignal? Exception(IntentQuery query, XmlElementSyntax element, SemanticModel model, DocRole role, IntentLocator locator)
    {
        var cref = element.StartTag.Attributes.OfType<XmlCrefAttributeSyntax>().FirstOrDefault();
        if (cref is null || model.GetSymbolInfo(cref.Cref).Symbol is not INamedTypeSymbol type || !IsException(type))
        {
            return null;
        }

        var text = Plain(element.Content);
        var aboutSubject = element.Content.OfType<XmlEmptyElementSyntax>().Any(e => RefersToSubject(e, model, query));
        if (text.Length > 0 && !aboutSubject && !ConditionWords.Mentions(query.Condition, text))
        {
            return null;
        }

        var (path, line) = locator.Locate(element);
        var shown = $"<exception cref=\"{type.Name}\">{Shorten(text)}</exception>";
        var weight = Weight(role);
        if (type.Name == query.Site.ExceptionName)
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Intended, ExpectedOutcome.Surface(type.Name), weight, path, line, shown, element);
        }

        if (role == DocRole.FailingMethod && InheritsFrom(type, "ArgumentException")
            && query.Model.GetSymbolInfo(AbsenceConventions.Unwrap(query.Subject)).Symbol is IParameterSymbol)
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Names, ExpectedOutcome.CallerFix, weight, path, line, shown, element);
        }

        return new IntentSignal(IntentKind.Documentation, IntentStance.Names, ExpectedOutcome.Throws(type.Name), weight, path, line, shown, element);
    }

    private static IntentSignal? Interpret(IntentQuery query, Sentence sentence, string element, DocRole role, IntentLocator locator)
    {
        var (path, line) = locator.Locate(sentence.Node.SyntaxTree, sentence.Position);
        var weight = Weight(role);
        var shown = Shorten(sentence.Shown);
        var values = sentence.Values.DistinctBy(v => new ExpectedOutcome(OutcomeKind.Substitute, v.Text).Canonical).ToList();
        var withoutValues = sentence.TextWithoutValues;
        var mentions = ConditionWords.Mentions(query.Condition, withoutValues);

        // "must not be null", "never null": about the subject itself.
        if (query.Condition == FailureCondition.Null && role is DocRole.Subject && ConditionWords.SaysRequired(sentence.Shown))
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Required, null, weight, path, line, shown, sentence.Node);
        }

        // "It must never come back as 0": a forbidden result holds whatever the case, so it needs no condition.
        if (values.Count == 1 && values[0].Negated && role is DocRole.FailingMethod or DocRole.Subject)
        {
            var forbidden = role == DocRole.FailingMethod ? ExpectedOutcome.Returns(values[0].Text) : ExpectedOutcome.Substitutes(values[0].Text);
            return new IntentSignal(IntentKind.Documentation, IntentStance.Forbids, forbidden, weight, path, line, shown, sentence.Node);
        }

        if (!mentions)
        {
            return null;
        }

        // "A missing code is an error and must stop the sale": the failure is the contract, whatever value the sentence mentions
        // ("charging 0% would be a breach" names a value only to rule it out).
        if (query.Condition != FailureCondition.Null && role is DocRole.FailingMethod or DocRole.Type or DocRole.Subject
            && sentence.Exceptions.Count == 0 && ConditionWords.CallsItAnError(sentence.Shown))
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Intended, ExpectedOutcome.Surface(null), weight, path, line, shown, sentence.Node);
        }

        if (sentence.Exceptions.Count == 1 && values.Count == 0)
        {
            var type = sentence.Exceptions[0];
            return type.Name == query.Site.ExceptionName
                ? new IntentSignal(IntentKind.Documentation, IntentStance.Intended, ExpectedOutcome.Surface(type.Name), weight, path, line, shown, sentence.Node)
                : new IntentSignal(IntentKind.Documentation, IntentStance.Names, ExpectedOutcome.Throws(type.Name), weight, path, line, shown, sentence.Node);
        }

        if (role == DocRole.Producer)
        {
            // The producer's own answer for "nothing found" is a property of the value we received, not our outcome.
            return query.Condition == FailureCondition.Null && values.Any(v => v.Canonical == "null")
                ? new IntentSignal(IntentKind.Producer, IntentStance.Optional, null, weight, path, line, shown, sentence.Node)
                : null;
        }

        if (ConditionWords.SaysSkipped(withoutValues) && values.Count == 0)
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Names, ExpectedOutcome.Skip, weight, path, line, shown, sentence.Node);
        }

        if (values.Count == 1)
        {
            var value = values[0];
            if (query.Condition == FailureCondition.Null && role == DocRole.Subject && value.Canonical == "null" && !ConditionWords.SaysSubstitutes(withoutValues))
            {
                // "The discount, or null when the customer has none": the subject's own state, not an outcome.
                return new IntentSignal(IntentKind.Documentation, IntentStance.Optional, null, weight, path, line, shown, sentence.Node);
            }

            var returns = role == DocRole.FailingMethod
                ? !ConditionWords.SaysSubstitutes(withoutValues) || ConditionWords.SaysReturns(withoutValues) || element == "returns"
                : ConditionWords.SaysReturns(withoutValues) && !ConditionWords.SaysSubstitutes(withoutValues);
            var outcome = returns ? ExpectedOutcome.Returns(value.Text) : ExpectedOutcome.Substitutes(value.Text);
            var stance = value.Negated ? IntentStance.Forbids : IntentStance.Names;
            return new IntentSignal(IntentKind.Documentation, stance, outcome, weight, path, line, shown, sentence.Node);
        }

        if (values.Count == 0 && query.Condition == FailureCondition.Null && role == DocRole.Subject)
        {
            return new IntentSignal(IntentKind.Documentation, IntentStance.Optional, null, weight * 0.5, path, line, shown, sentence.Node);
        }

        return null;
    }

    private static double Weight(DocRole role) => role switch
    {
        DocRole.FailingMethod => 0.35,
        DocRole.Subject => 0.3,
        DocRole.Type => 0.2,
        _ => 0.15,
    };

    /// <summary>One sentence of an element: its text with each structured value replaced by a placeholder, and the values.</summary>
    private sealed record Sentence(SyntaxNode Node, int Position, string Shown, string TextWithoutValues, List<DocValue> Values, List<INamedTypeSymbol> Exceptions);

    /// <summary>A value a sentence names; <see cref="Negated"/> when a negation governs it ("must never come back as 0").</summary>
    private sealed record DocValue(string Text, bool Negated)
    {
        public string? Canonical => new ExpectedOutcome(OutcomeKind.Substitute, Text).Canonical;
    }

    private static IEnumerable<Sentence> Sentences(XmlElementSyntax element, SemanticModel model, IntentQuery query)
    {
        // Render the element as prose with a placeholder per structured piece, then split at sentence ends.
        var prose = new StringBuilder();
        var pieces = new List<DocPiece>();
        var anchors = new List<(int Prose, int Position)>();
        Render(element.Content, model, query, prose, pieces, anchors);
        var text = prose.ToString();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text + " "))
        {
            var stop = Math.Min(end.Index + 1, text.Length);
            if (stop <= start)
            {
                continue;
            }

            yield return Build(element, text, start, stop, pieces, query, At(anchors, start, element));
            start = stop;
        }

        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            yield return Build(element, text, start, text.Length, pieces, query, At(anchors, start, element));
        }
    }

    /// <summary>The source position of the prose at <paramref name="offset"/> (the first word of a sentence), for its line.</summary>
    private static int At(List<(int Prose, int Position)> anchors, int offset, SyntaxNode element)
    {
        var position = element.SpanStart;
        foreach (var (prose, at) in anchors)
        {
            if (prose > offset)
            {
                break;
            }

            position = at;
        }

        return position;
    }

    private static Sentence Build(XmlElementSyntax element, string text, int start, int stop, List<DocPiece> pieces,
        IntentQuery query, int position)
    {
        // The anchor points at the token holding the sentence's start; skip the blanks before its first word.
        while (start < stop && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var inside = pieces.Where(p => p.Start >= start && p.End <= stop).ToList();
        var values = new List<DocValue>();
        var exceptions = new List<INamedTypeSymbol>();
        var without = new StringBuilder();
        var cursor = start;
        foreach (var piece in inside)
        {
            without.Append(text, cursor, piece.Start - cursor);
            if (piece.Value is not null && (IsConditionContext(text[start..piece.Start])
                || piece.Parameter && !ParameterIsTheResult(text[start..piece.Start], text[piece.End..stop])))
            {
                // `is <see langword="null"/>` states the condition, not an outcome; so does a parameter the sentence only
                // talks about ("when <paramref name="country"/> is unknown").
                without.Append(text, piece.Start, piece.End - piece.Start);
            }
            else if (piece.Value is not null)
            {
                values.Add(new DocValue(piece.Value, ConditionWords.NegatedBefore(text[start..piece.Start], piece.Start - start)));
                without.Append(' ');
            }
            else if (piece.Exception is not null)
            {
                exceptions.Add(piece.Exception);
                without.Append(' ');
            }
            else
            {
                without.Append(text, piece.Start, piece.End - piece.Start);
            }

            cursor = piece.End;
        }

        without.Append(text, cursor, stop - cursor);

        // Plain words for values: null, false, true, zero, empty; "throws X" with X an exception type in scope.
        var plain = without.ToString();
        foreach (Match word in Word().Matches(plain))
        {
            if (ConditionWords.ValueWord(word.Value) is { } value && (value != "empty" || EmptyFits(query)) && IsValueWord(plain, word))
            {
                var offset = word.Index;
                values.Add(new DocValue(value == "empty" ? "empty" : value, ConditionWords.NegatedBefore(plain, offset)));
            }
        }

        // "reports its raw level unchanged": a parameter named in prose (by its words, `rawLevelMetres`) as the result.
        if (values.Count == 0 && ProseParameter(plain, query) is { } kept)
        {
            values.Add(new DocValue(kept, false));
        }

        var withoutValueWords = Word().Replace(plain, m => ConditionWords.ValueWord(m.Value) is not null && IsValueWord(plain, m) ? " " : m.Value);
        var shown = Regex.Replace(text[start..stop], @"\s+", " ").Trim();
        return new Sentence(element, position, shown, Regex.Replace(withoutValueWords, @"\s+", " ").Trim(), values, exceptions);
    }

    /// <summary>
    /// A parameter is the result only when the sentence says so: "returns <c>price</c>", "pays <c>price</c> unchanged",
    /// "<c>name</c> itself is used"; elsewhere it is what the sentence is about.
    /// </summary>
    private static bool ParameterIsTheResult(string before, string after) =>
        ParameterAfterResultVerb().IsMatch(before.TrimEnd()) || ParameterKeptAsIs().IsMatch(after.TrimStart());

    /// <summary>
    /// A parameter of the method at the crash site that the prose names by the words of its name and keeps as the result
    /// ("reports its raw level unchanged" for <c>rawLevelMetres</c>): the first two words of the name, then within two words
    /// "unchanged", "as is" or "untouched".
    /// </summary>
    private static string? ProseParameter(string plain, IntentQuery query)
    {
        if (!ParameterKeptInProse().IsMatch(plain))
        {
            return null;
        }

        for (var symbol = query.Model.GetEnclosingSymbol(query.Subject.SpanStart); symbol is IMethodSymbol method; symbol = method.ContainingSymbol)
        {
            foreach (var parameter in method.Parameters)
            {
                var words = Regex.Matches(parameter.Name, @"[A-Z]?[a-z]+|[A-Z]+(?![a-z])").Select(m => m.Value.ToLowerInvariant()).Take(2).ToList();
                if (words.Count == 0 || words.Sum(w => w.Length) < 4)
                {
                    continue;
                }

                var phrase = string.Join(@"\s+", words.Select(Regex.Escape));
                if (Regex.IsMatch(plain, $@"\b{phrase}\w*\s+(\w+\s+){{0,2}}?(unchanged|as is|as-is|untouched)\b", RegexOptions.IgnoreCase)
                    && ParameterValue(parameter.Name, query) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>"null" in "returns null" is a value; "null" in "if the customer is null" is the condition, not an outcome.</summary>
    private static bool IsValueWord(string text, Match word) => !IsConditionContext(text[..word.Index]);

    private static bool IsConditionContext(string before) => ConditionBeforeValue().IsMatch(before.TrimEnd());

    private static bool EmptyFits(IntentQuery query) => query.Condition is FailureCondition.Null or FailureCondition.AbsentKey or FailureCondition.EmptySequence;

    private static void Render(SyntaxList<XmlNodeSyntax> content, SemanticModel model, IntentQuery query, StringBuilder prose,
        List<DocPiece> pieces, List<(int Prose, int Position)> anchors)
    {
        foreach (var node in content)
        {
            anchors.Add((prose.Length, node.SpanStart));
            switch (node)
            {
                case XmlTextSyntax text:
                    foreach (var token in text.TextTokens)
                    {
                        if (!token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
                        {
                            anchors.Add((prose.Length, token.SpanStart));
                        }

                        prose.Append(token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) ? " " : token.ValueText);
                    }

                    break;
                case XmlEmptyElementSyntax empty:
                    Piece(empty.Attributes, null, model, query, prose, pieces);
                    break;
                case XmlElementSyntax { StartTag.Name.LocalName.ValueText: "c" or "code" } code:
                    var codeText = Plain(code.Content);
                    var start = prose.Length;
                    prose.Append(codeText);
                    if (CodeValue(codeText, model, query) is { } codeValue)
                    {
                        pieces.Add(new DocPiece(start, prose.Length, codeValue, null));
                    }

                    break;
                case XmlElementSyntax { StartTag.Name.LocalName.ValueText: "see" or "seealso" } see:
                    Piece(see.StartTag.Attributes, Plain(see.Content), model, query, prose, pieces);
                    break;
                case XmlElementSyntax nested:
                    Render(nested.Content, model, query, prose, pieces, anchors);
                    break;
            }
        }
    }

    private static void Piece(SyntaxList<XmlAttributeSyntax> attributes, string? label, SemanticModel model, IntentQuery query, StringBuilder prose,
        List<DocPiece> pieces)
    {
        var start = prose.Length;
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case XmlTextAttributeSyntax { Name.LocalName.ValueText: "langword" } langword:
                    var word = string.Concat(langword.TextTokens.Select(t => t.ValueText)).Trim();
                    prose.Append(label ?? word);
                    if (word is "null" or "true" or "false")
                    {
                        pieces.Add(new DocPiece(start, prose.Length, word, null));
                    }

                    return;
                case XmlCrefAttributeSyntax cref:
                    var symbol = model.GetSymbolInfo(cref.Cref).Symbol ?? model.GetSymbolInfo(cref.Cref).CandidateSymbols.FirstOrDefault();
                    prose.Append(label is { Length: > 0 } ? label : symbol?.Name ?? cref.Cref.ToString());
                    if (symbol is INamedTypeSymbol type && IsException(type))
                    {
                        pieces.Add(new DocPiece(start, prose.Length, null, type));
                    }
                    else if (symbol is IFieldSymbol or IPropertySymbol && ValueText(symbol, query) is { } value)
                    {
                        pieces.Add(new DocPiece(start, prose.Length, value, null));
                    }

                    return;
                case XmlNameAttributeSyntax name:
                    var parameterName = name.Identifier.Identifier.ValueText;
                    prose.Append(label ?? parameterName);
                    if (name.Parent is XmlEmptyElementSyntax { Name.LocalName.ValueText: "paramref" } && ParameterValue(parameterName, query) is { } parameterValue)
                    {
                        // "Returns <paramref name="price"/> unchanged when …": a parameter of the failing method as the value
                        // (only where the sentence makes it the result: see Build).
                        pieces.Add(new DocPiece(start, prose.Length, parameterValue, null, Parameter: true));
                    }

                    return;
            }
        }

        prose.Append(label);
    }

    /// <summary>A parameter of the method at the crash site other than the subject itself, when it binds there.</summary>
    private static string? ParameterValue(string name, IntentQuery query)
    {
        var bound = query.Model.GetSpeculativeSymbolInfo(query.Subject.SpanStart, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsExpression).Symbol;
        var subject = query.Model.GetSymbolInfo(AbsenceConventions.Unwrap(query.Subject)).Symbol;
        return bound is IParameterSymbol && !SymbolEqualityComparer.Default.Equals(bound, subject) ? name : null;
    }

    /// <summary>A field, property or enum member as the code at the crash site would name it, when its type fits.</summary>
    private static string? ValueText(ISymbol symbol, IntentQuery query)
    {
        var type = symbol switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            _ => null,
        };
        if (type is null || !symbol.IsStatic && symbol is not IFieldSymbol { IsConst: true } && !SameType(symbol.ContainingType, query))
        {
            return null;
        }

        return MemberText.At(symbol, query.Model, query.Subject.SpanStart);
    }

    private static bool SameType(INamedTypeSymbol? type, IntentQuery query) =>
        type is not null && query.Model.GetEnclosingSymbol(query.Subject.SpanStart)?.ContainingType is { } here
        && SymbolEqualityComparer.Default.Equals(here.OriginalDefinition, type.OriginalDefinition);

    /// <summary><c>&lt;c&gt;</c> code that is a literal, or a name that binds at the crash site to a field, property or enum member.</summary>
    private static string? CodeValue(string code, SemanticModel model, IntentQuery query)
    {
        var expression = SyntaxFactory.ParseExpression(code.Trim());
        if (expression.ContainsDiagnostics)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax:
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax }:
            case CollectionExpressionSyntax { Elements.Count: 0 }:
            case DefaultExpressionSyntax:
                return expression.ToString();
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var symbol = query.Model.GetSpeculativeSymbolInfo(query.Subject.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
                return symbol is IFieldSymbol or IPropertySymbol ? expression.ToString() : null;
            case InvocationExpressionSyntax or ObjectCreationExpressionSyntax when new ExpectedOutcome(OutcomeKind.Substitute, code).Canonical == "empty":
                return expression.ToString();
            default:
                _ = model;
                return null;
        }
    }

    private static bool RefersToSubject(XmlEmptyElementSyntax element, SemanticModel model, IntentQuery query)
    {
        var symbol = query.Model.GetSymbolInfo(AbsenceConventions.Unwrap(query.Subject)).Symbol;
        foreach (var attribute in element.Attributes)
        {
            switch (attribute)
            {
                case XmlNameAttributeSyntax name when symbol is IParameterSymbol parameter && name.Identifier.Identifier.ValueText == parameter.Name:
                    return true;
                case XmlCrefAttributeSyntax cref when symbol is not null
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(cref.Cref).Symbol?.OriginalDefinition, symbol.OriginalDefinition):
                    return true;
            }
        }

        return false;
    }

    private static string Plain(SyntaxList<XmlNodeSyntax> content)
    {
        var text = new StringBuilder();
        foreach (var node in content)
        {
            switch (node)
            {
                case XmlTextSyntax t:
                    foreach (var token in t.TextTokens)
                    {
                        text.Append(token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) ? " " : token.ValueText);
                    }

                    break;
                case XmlElementSyntax e:
                    text.Append(Plain(e.Content));
                    break;
                case XmlEmptyElementSyntax empty:
                    var attribute = empty.Attributes.FirstOrDefault();
                    text.Append(attribute switch
                    {
                        XmlCrefAttributeSyntax c => c.Cref.ToString(),
                        XmlNameAttributeSyntax n => n.Identifier.Identifier.ValueText,
                        XmlTextAttributeSyntax a => string.Concat(a.TextTokens.Select(t => t.ValueText)),
                        _ => "",
                    });
                    break;
            }
        }

        return Regex.Replace(text.ToString(), @"\s+", " ").Trim();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197] + "...";

    public static bool IsException(ITypeSymbol type) => InheritsFrom(type, "Exception");

    private static bool InheritsFrom(ITypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == name && t.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(returns?|returned|returning|yields?|passes|pays|charges|uses|keeps)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterAfterResultVerb();

    [GeneratedRegex(@"^(unchanged|as is|as-is|itself|untouched|instead)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterKeptAsIs();

    [GeneratedRegex(@"\b(unchanged|as is|as-is|untouched)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterKeptInProse();

    /// <summary>A structured piece of a doc element's prose: a value it names, or an exception type it names.</summary>
    /// <param name="Parameter">A <c>paramref</c>: a value only where the sentence makes it the result.</param>
    private readonly record struct DocPiece(int Start, int End, string? Value, INamedTypeSymbol? Exception, bool Parameter = false);

    [GeneratedRegex(@"[.;!?](?=\s)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(null|false|true|zero|0|empty)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Word();

    [GeneratedRegex(@"(\b(is|are|was|were|if|when|whose|where|has|have|had)|\b(for|with|of|on|given|takes?|receives?|gets?)\s+(an?|the)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionBeforeValue();
}
