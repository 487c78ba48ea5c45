using System.Text.RegularExpressions;

namespace Heal.Repair.Analysis;

/// <summary>
/// The few words documentation uses for a failing condition and for what happens then. Documentation is read
/// structurally first (crefs, langwords, <c>&lt;c&gt;</c> code, identifiers bound by Roslyn, the element it sits in); these
/// words only decide whether a sentence is about the failing case and which verb links it to the value it names.
/// </summary>
public static partial class ConditionWords
{
    /// <summary>True when <paramref name="text"/> (a sentence without the value it names) speaks of <paramref name="condition"/>.</summary>
    public static bool Mentions(FailureCondition condition, string text) => condition switch
    {
        FailureCondition.Null => NullCue().IsMatch(text) || AbsentCue().IsMatch(text),
        FailureCondition.AbsentKey => AbsentCue().IsMatch(text),
        FailureCondition.EmptySequence => EmptyCue().IsMatch(text) || AbsentCue().IsMatch(text),
        FailureCondition.IndexPastEnd => ShortCue().IsMatch(text) || EmptyCue().IsMatch(text),
        FailureCondition.ZeroDivisor => ZeroCue().IsMatch(text) || EmptyCue().IsMatch(text),
        FailureCondition.UnparsableText => UnparsableCue().IsMatch(text),
        FailureCondition.InvalidArgument => InvalidCue().IsMatch(text) || NullCue().IsMatch(text),
        FailureCondition.Disposed => DisposedCue().IsMatch(text),
        FailureCondition.UnobservedTask => false,
        _ => false,
    };

    /// <summary>The sentence calls the case an error that must surface ("a missing code is an error and must stop the declaration").</summary>
    public static bool CallsItAnError(string text) => ErrorCue().IsMatch(text);

    /// <summary>The sentence says items in that case are skipped, ignored or left out.</summary>
    public static bool SaysSkipped(string text) => SkipCue().IsMatch(text);

    /// <summary>The sentence links the case to the method's result ("returns", "yields", "gives", "is", "comes back").</summary>
    public static bool SaysReturns(string text) => ReturnCue().IsMatch(text);

    /// <summary>The sentence links the case to a replacement value ("defaults to", "falls back to", "is used", "treated as").</summary>
    public static bool SaysSubstitutes(string text) => SubstituteCue().IsMatch(text);

    /// <summary>The sentence says the value must be present ("never null", "must not be null", "is required", "always set").</summary>
    public static bool SaysRequired(string text) => RequiredCue().IsMatch(text);

    /// <summary>
    /// A negation governing what follows at <paramref name="position"/> in <paramref name="text"/>: <c>never</c>, <c>must not</c>,
    /// <c>cannot</c>… directly before an outcome verb or the value itself, not a negated condition ("does not exist").
    /// </summary>
    public static bool NegatedBefore(string text, int position)
    {
        var before = text[..Math.Clamp(position, 0, text.Length)];
        var match = NegationBeforeValue().Match(before);
        return match.Success && !NegatedCondition().IsMatch(match.Value);
    }

    /// <summary>The word for a value in prose: <c>null</c>, <c>false</c>, <c>true</c>, <c>0</c> for zero, <c>empty</c>; null otherwise.</summary>
    public static string? ValueWord(string word) => word.ToLowerInvariant() switch
    {
        "null" => "null",
        "false" => "false",
        "true" => "true",
        "zero" or "0" => "0",
        "empty" => "empty",
        _ => null,
    };

    [GeneratedRegex(@"\b(null|not set|unset|never (been )?\w+ed|not yet \w+ed|not (provided|given|specified|supplied|available|known)|optional|absent|missing|none|without|(has|have|had|with) no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NullCue();

    [GeneratedRegex(@"\b(not found|unknown|missing|absent|no such|none|otherwise|without|never (been )?\w+ed|(has|have|had|with) no|unrecogni[sz]ed|unsupported|no (\w+ )?(entry|match|record|value|rate|target|mapping)|no \w+ (for|with|has|have|exists?|is|are|matches|match|found|of)|(does|do|did)(n't| not) (exist|contain|have|match|appear)|not (present|registered|configured|listed|known|defined|supported|in the|mapped|available)|not yet|not \w+ed yet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AbsentCue();

    [GeneratedRegex(@"\b(empty|no (items?|elements?|entries|values?|lines?|rows?|records?|results?|\w+s)|none|nothing|there (is|are) no|zero \w+s|without (any )?\w+s|(has|have) no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyCue();

    [GeneratedRegex(@"\b(fewer|shorter|out of range|beyond|past the end|not enough|too short|less than|only one|single)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortCue();

    [GeneratedRegex(@"\b(zero|0|none|nothing|no \w+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroCue();

    [GeneratedRegex(@"\b(invalid|malformed|unparsable|cannot be (parsed|read)|not (a )?(valid|number|date|well-formed)|bad|format|unreadable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnparsableCue();

    [GeneratedRegex(@"\b(invalid|negative|out of range|must (be|not)|cannot be|greater|less|empty|positive|at least|at most)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvalidCue();

    [GeneratedRegex(@"\bdispos", RegexOptions.IgnoreCase)]
    private static partial Regex DisposedCue();

    [GeneratedRegex(@"\b((is|are) (an? )?(\w+ )?errors?|an error in|must (stop|fail|surface|be reported|abort|be corrected)|must never be (defaulted|skipped|guessed)|(is|are) invalid|not allowed|fatal|(is|are) a bug|corrupt|breach)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorCue();

    [GeneratedRegex(@"\b(skip|skips|skipped|ignore|ignores|ignored|left out|omit|omits|omitted|excluded|passed over)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SkipCue();

    [GeneratedRegex(@"\b(returns?|returned|yields?|gives?|answers?|comes? back|evaluates? to|results? in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnCue();

    [GeneratedRegex(@"\b(defaults? to|default is|falls? back|fallback|is used|are used|uses|treated as|counts? as|assumed|instead)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubstituteCue();

    [GeneratedRegex(@"\b(never (be )?null|(must|should|can) ?not be null|cannot be null|is required|are required|always (set|present|non-null|assigned))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredCue();

    [GeneratedRegex(@"\b(not|n't|never)\s+(\w+\s+)?(exists?|contains?|have|has|match(es)?|found|present|set|known|configured|available|registered|listed|defined|supported|provided|given|specified|supplied|mapped)\b|\b(not|n't)\s+(yet\s+\w+|\w+\s+yet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedCondition();

    [GeneratedRegex(@"\b(never|must not|mustn't|should not|shouldn't|cannot|can't|won't|will not|may not|is not|are not|not)\s+(\w+\s+){0,3}?(be|come|comes|return|returns|returned|yield|give|equal|produce|charged|back|as|to)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NegationBeforeValue();
}
