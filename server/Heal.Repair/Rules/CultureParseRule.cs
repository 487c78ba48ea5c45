using System.Globalization;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// A parse that fails on text which is well-formed in another culture or format (<c>1,234.50</c> on a German server, a
/// date written <c>15/03/2026</c> read with the machine's culture, <c>active</c> for <c>Status.Active</c>): a culture bug,
/// not bad input. The fix reads the text the way the codebase itself writes or documents it (writer code, a format
/// constant, XML documentation, a visible test): a culture-invariant parse, an exact-format parse, or a case-insensitive
/// enum parse; the failing value must parse with it. Declines when the parse relies on the machine's culture and nothing
/// says which format the text is in; leaves explicit-culture parses with no such evidence to <see cref="FormatRule"/>.
/// </summary>
public sealed class CultureParseRule : ICrashRule
{
    /// <summary>Below this the evidence for one format is too thin to rewrite a parse.</summary>
    private const double MinimumConfidence = 0.6;

    public string Id => "culture-parse";

    public bool Matches(CrashSite site) =>
        site.ExceptionName is "FormatException" or "ArgumentException" && ForeignFormat.FailedValue(site.Exception.Value) is not null;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var calls = ParseCall.AtCrash(site, out var located);
        if (calls.Count != 1 || calls[0].Invocation is not { } invocation)
        {
            return null;
        }

        var source = site.Throwing;
        var model = source.SemanticModel;
        var call = calls[0];
        var value = ForeignFormat.FailedValue(site.Exception.Value)!;
        var foreign = ForeignFormat.Describe(value, call.ResultType);
        if (foreign is null || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || (site.ExceptionName == "ArgumentException") != (call.ResultType.TypeKind == TypeKind.Enum))
        {
            return null;
        }

        var shape = ParseShape.Of(invocation, method, model, cancellationToken);
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source), RuleKit.Evidence(source, invocation, "the parse") };
        var rootCause = $"`{invocation}` failed on {Quote(value)}, which is {foreign}: well-formed text read in the wrong culture or format, not bad input.";
        var written = WrittenFormats.Find(source, call, cancellationToken);
        var locator = new IntentLocator(source);
        Candidate? chosen;
        string? whyNot;
        switch (WrittenFormats.Family(call.ResultType))
        {
            case "date":
                chosen = DateCandidate(value, call.ResultType, shape, written, out whyNot);
                break;
            case "number":
                chosen = NumberCandidate(value, call.ResultType, shape, written, out whyNot);
                break;
            case "enum":
                chosen = EnumCandidate(shape, written, out whyNot);
                break;
            default:
                return null;
        }

        if (chosen is null)
        {
            // Without an explicit culture the text's culture was the machine's: whether the value is good data or bad input is
            // not decided by the code, so skipping or rejecting it would be a guess too.
            return shape.Culture == FormatCulture.Current && call.ResultType.TypeKind != TypeKind.Enum
                ? RuleResult.Decline(rootCause, whyNot ?? $"the parse uses the machine's culture and nothing in the code says which culture or format {Quote(value)} is written in, so neither rejecting it nor picking a format is safe", [.. evidence])
                : whyNot is null ? null : RuleResult.Decline(rootCause, whyNot, [.. evidence]);
        }

        var (replacement, reasons, used) = chosen.Value;
        foreach (var format in used.Take(3))
        {
            var (path, line) = locator.Locate(format.Node);
            evidence.Add(new Evidence(path, line, format.Text, Role(format)));
        }

        if (located is not null)
        {
            reasons.AddRange(located);
        }

        if (shape.Culture == FormatCulture.Current && MachineCulture(site) is { } culture)
        {
            reasons.Add((0.05, $"the app ran in the {culture} culture, which the parse used"));
        }

        var confidence = Math.Clamp(reasons.Sum(r => r.Delta), 0, 0.9);
        if (confidence < MinimumConfidence)
        {
            return RuleResult.Decline(rootCause,
                $"only weak evidence ({string.Join("; ", reasons.Skip(1).Select(r => r.Reason))}) says which format {Quote(value)} is in, so rewriting the parse could be wrong",
                [.. evidence]);
        }

        var changes = new List<TextChange> { new(invocation.Span, replacement) };
        if (NeedsGlobalization(replacement) && !RuleKit.Binds(model, invocation.SpanStart, "CultureInfo.InvariantCulture")
            && Usings.Add(source.Root, "System.Globalization") is { } usingChange)
        {
            changes.Add(usingChange);
        }

        return RuleKit.Fix(rootCause,
            "A parse of text the codebase writes in a fixed culture or format, reading it the way it is written instead of in the machine's culture.",
            "culture-parse", reasons, evidence, RuleKit.Edit(source, [.. changes.OrderBy(c => c.Span.Start)]));
    }

    /// <summary>The new parse text, what raised its confidence, and the evidence it rests on.</summary>
    private readonly record struct Candidate(string Replacement, List<(double Delta, string Reason)> Reasons, List<WrittenFormat> Used);

    private static Candidate? DateCandidate(string value, ITypeSymbol type, ParseShape shape, List<WrittenFormat> written, out string? whyNot)
    {
        whyNot = null;
        var text = value.Trim();
        var fitting = written.Where(w => w.Format is not null && w.Culture == FormatCulture.Invariant && ParsesExactly(text, w.Format, type)).ToList();
        if (fitting.Count == 0)
        {
            return null;
        }

        // Two layouts the codebase uses that read the value as different dates (03/04 as March or April) cannot be told apart.
        var readings = fitting.Select(w => Reading(text, w.Format!)).Distinct().ToList();
        if (readings.Count > 1)
        {
            whyNot = $"the codebase writes dates in more than one layout that reads {Quote(value)} differently ({string.Join(", ", fitting.Select(f => f.Format).Distinct())}), so the intended one is unclear";
            return null;
        }

        var writers = fitting.Where(w => w.Kind is WrittenFormatKind.Writer or WrittenFormatKind.Constant).ToList();
        var best = writers.FirstOrDefault() ?? fitting[0];
        if (shape.Format is { } current && string.Equals(current, best.Format, StringComparison.Ordinal))
        {
            return null;
        }

        var typeText = shape.TypeText;
        var styles = shape.Styles ?? (best.Format is "o" or "O" && type.Name != "DateOnly" ? "DateTimeStyles.RoundtripKind" : null);
        string replacement;
        if (shape.MethodName is "Parse" or "ToDateTime")
        {
            replacement = $"{typeText}.ParseExact({shape.Input}, {best.FormatCode}, CultureInfo.InvariantCulture{(styles is null ? "" : ", " + styles)})";
        }
        else if (shape.MethodName == "ParseExact" && shape.FormatCode is { } existing && shape.Culture == FormatCulture.Invariant)
        {
            // Keep the layout the parse was written for, and accept the one the codebase writes.
            replacement = $"{typeText}.ParseExact({shape.Input}, new[] {{ {existing}, {best.FormatCode} }}, {shape.ProviderCode}, {styles ?? "DateTimeStyles.None"})";
        }
        else
        {
            whyNot = "the parse's format and culture arguments cannot be extended safely";
            return null;
        }

        var reasons = new List<(double, string)> { (0.45, $"{Quote(value)} is a well-formed date in the layout {best.Format}") };
        AddSupport(reasons, fitting, best.Format!);
        return new Candidate(replacement, reasons, fitting);
    }

    private static Candidate? NumberCandidate(string value, ITypeSymbol type, ParseShape shape, List<WrittenFormat> written, out string? whyNot)
    {
        whyNot = null;
        var text = value.Trim();
        var invariant = written.Where(w => w.Culture == FormatCulture.Invariant).ToList();
        if (invariant.Count == 0)
        {
            return null;
        }

        var strongest = invariant.Max(w => w.Linkage);
        var against = written.Where(w => w.Culture == FormatCulture.Named && w.Kind != WrittenFormatKind.Test && w.Linkage >= strongest).ToList();
        if (against.Count > 0)
        {
            whyNot = "the codebase writes these numbers in more than one culture, so the one this text is in is unclear";
            return null;
        }

        // A number in exponent notation that the parse's style rejects (decimal's default `Number`), where the documentation shows
        // such samples: the same parse, allowing the exponent.
        if (ForeignFormat.IsExponent(text) && invariant.FirstOrDefault(w => w.Format == ForeignFormat.ExponentFormat) is { } sample)
        {
            var allowing = shape.Styles is null ? "NumberStyles.Float" : $"{shape.Styles} | NumberStyles.AllowExponent";
            if (ParsesInvariant(text, type, shape.Styles) || !ParsesInvariant(text, type, allowing) || ParseCall.Keyword(type) is not { } exponentKeyword)
            {
                return null;
            }

            var exponentReasons = new List<(double, string)>
            {
                (0.45, $"{Quote(value)} is a well-formed number in exponent notation"),
                (0.2, $"the documentation shows values written in exponent notation: {sample.Text}"),
            };
            return new Candidate($"{exponentKeyword}.Parse({shape.Input}, {allowing}, CultureInfo.InvariantCulture)", exponentReasons, [sample]);
        }

        if (shape.Culture == FormatCulture.Invariant && !Grouped(text))
        {
            return null;
        }

        var styles = shape.Styles;
        if (Grouped(text) && ForeignFormat.IsInteger(type) && (styles is null || !styles.Contains("AllowThousands", StringComparison.Ordinal)))
        {
            styles = styles is null ? "NumberStyles.Integer | NumberStyles.AllowThousands" : $"{styles} | NumberStyles.AllowThousands";
        }

        if (!ParsesInvariant(text, type, styles))
        {
            return null;
        }

        var keyword = ParseCall.Keyword(type) ?? shape.TypeText;
        var replacement = styles is null
            ? shape.MethodName.StartsWith("To", StringComparison.Ordinal) ? $"{shape.Receiver}.{shape.MethodName}({shape.Input}, CultureInfo.InvariantCulture)" : $"{keyword}.Parse({shape.Input}, CultureInfo.InvariantCulture)"
            : $"{keyword}.Parse({shape.Input}, {styles}, CultureInfo.InvariantCulture)";
        var reasons = new List<(double, string)> { (0.45, $"{Quote(value)} is a well-formed number in the invariant culture") };
        AddSupport(reasons, invariant, null);
        return new Candidate(replacement, reasons, invariant);
    }

    private static Candidate? EnumCandidate(ParseShape shape, List<WrittenFormat> written, out string? whyNot)
    {
        whyNot = null;
        var lower = written.Where(w => w.LowerCase).ToList();
        if (lower.Count == 0 || shape.IgnoresCase)
        {
            return null;
        }

        var replacement = $"{shape.Invocation.Expression}({string.Join(", ", shape.Invocation.ArgumentList.Arguments)}, ignoreCase: true)";
        var reasons = new List<(double, string)> { (0.45, "the value is a member's name in another letter case") };
        AddSupport(reasons, lower, null);
        return new Candidate(replacement, reasons, lower);
    }

    /// <summary>Confidence from where the codebase shows the format: writer code by closeness, then documentation and tests.</summary>
    private static void AddSupport(List<(double, string)> reasons, List<WrittenFormat> used, string? format)
    {
        var what = format is null ? "this way" : $"as {format}";
        var writer = used.Where(w => w.Kind is WrittenFormatKind.Writer or WrittenFormatKind.Constant).OrderByDescending(w => w.Linkage).FirstOrDefault();
        if (writer is not null)
        {
            reasons.Add(writer.Linkage switch
            {
                3 => (0.35, $"the code writes the same member {what}: {writer.Text}"),
                2 => (0.3, $"the same type writes these values {what}: {writer.Text}"),
                1 => (0.2, $"the same project writes these values {what}: {writer.Text}"),
                _ => (0.1, $"another project writes these values {what}: {writer.Text}"),
            });
        }

        if (used.FirstOrDefault(w => w.Kind == WrittenFormatKind.Documentation) is { } doc)
        {
            reasons.Add((0.15, $"the documentation says the text is written {what}"));
        }

        if (used.Any(w => w.Kind == WrittenFormatKind.Test))
        {
            reasons.Add((0.1, $"a visible test feeds text written {what}"));
        }
    }

    private static bool ParsesExactly(string text, string format, ITypeSymbol type)
    {
        try
        {
            return type.Name switch
            {
                "DateOnly" => DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "DateTimeOffset" => DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            };
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static DateTime Reading(string text, string format) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date.Date : DateTime.MinValue;

    private static bool ParsesInvariant(string text, ITypeSymbol type, string? styles)
    {
        var numberStyles = styles is null ? Default(type) : ParseStyles(styles);
        if (numberStyles is null)
        {
            return false;
        }

        var culture = CultureInfo.InvariantCulture;
        return type.SpecialType switch
        {
            SpecialType.System_Decimal => decimal.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Double => double.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Single => float.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Int64 => long.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Int32 => int.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Int16 => short.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_UInt32 => uint.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_UInt64 => ulong.TryParse(text, numberStyles.Value, culture, out _),
            SpecialType.System_Byte => byte.TryParse(text, numberStyles.Value, culture, out _),
            _ => false,
        };
    }

    private static NumberStyles? Default(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Decimal => NumberStyles.Number,
        SpecialType.System_Double or SpecialType.System_Single => NumberStyles.Float | NumberStyles.AllowThousands,
        _ when ForeignFormat.IsInteger(type) => NumberStyles.Integer,
        _ => null,
    };

    /// <summary>Reads <c>NumberStyles.A | NumberStyles.B</c>; null for anything else (a variable, a cast).</summary>
    private static NumberStyles? ParseStyles(string text)
    {
        var result = NumberStyles.None;
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries))
        {
            var name = part.StartsWith("NumberStyles.", StringComparison.Ordinal) ? part["NumberStyles.".Length..]
                : part.StartsWith("System.Globalization.NumberStyles.", StringComparison.Ordinal) ? part["System.Globalization.NumberStyles.".Length..] : null;
            if (name is null || !Enum.TryParse<NumberStyles>(name, out var style))
            {
                return null;
            }

            result |= style;
        }

        return result;
    }

    private static bool Grouped(string text) => text.Count(c => c is ',' or '.' or ' ' or '\u00A0' or '\u202F' or '\'') > (text.Contains('.', StringComparison.Ordinal) && text.Contains(',', StringComparison.Ordinal) ? 1 : 0)
        && System.Text.RegularExpressions.Regex.IsMatch(text, @"\d{1,3}[,. \u00A0\u202F']\d{3}(\D|$)");

    /// <summary>The culture the app ran in, from the SDK's "Current Culture" context; null when invariant or not sent.</summary>
    private static string? MachineCulture(CrashSite site)
    {
        if (!site.Event.Contexts.TryGetValue("Current Culture", out var json))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String
                   && name.GetString() is { Length: > 0 and < 40 } culture && culture.All(c => char.IsLetterOrDigit(c) || c == '-')
                ? culture
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool NeedsGlobalization(string replacement) =>
        replacement.Contains("CultureInfo.", StringComparison.Ordinal) || replacement.Contains("NumberStyles.", StringComparison.Ordinal) || replacement.Contains("DateTimeStyles.", StringComparison.Ordinal);

    private static string Role(WrittenFormat format) => format.Kind switch
    {
        WrittenFormatKind.Writer => "the codebase writes the text this way",
        WrittenFormatKind.Constant => "the codebase's format constant",
        WrittenFormatKind.Documentation => "the documentation names the format",
        _ => "a visible test's input",
    };

    /// <summary>The failing text, quoted for a sentence (event data: shown, never interpreted).</summary>
    private static string Quote(string value) => "'" + (value.Length > 40 ? value[..40] + "…" : value) + "'";
}
