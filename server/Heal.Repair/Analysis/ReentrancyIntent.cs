using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// What the documentation says about changes made to a collection while it is being walked (a handler that unsubscribes
/// itself during a publish, a job that schedules another during a tick): they take effect from the next pass (the walk
/// sees a snapshot), or at once (the walk must see them). Read from the documentation of the walking method, the type
/// that owns the collection, the collection itself and the methods that change it; never from event text.
/// </summary>
public static partial class ReentrancyIntent
{
    /// <summary>How a documented sentence says the walk treats changes made during it.</summary>
    public enum Stance
    {
        /// <summary>Changes take effect from the next pass: walk a snapshot.</summary>
        NextPass,

        /// <summary>Changes are seen by the pass under way.</summary>
        SamePass,
    }

    /// <summary>The sentences that speak of a change during the walk, each with its stance; <c>Removed</c> says whether it also wants items removed earlier in the pass skipped.</summary>
    public static IReadOnlyList<(DocSentence Sentence, Stance Stance, bool SkipsRemoved)> Read(IEnumerable<ISymbol> documented, IntentLocator locator)
    {
        var found = new List<(DocSentence, Stance, bool)>();
        SyntaxNode? aboutChangesDuring = null;
        foreach (var sentence in documented.Distinct(SymbolEqualityComparer.Default).SelectMany(s => DocSentences.Of(s!, locator)))
        {
            // "A handler may unsubscribe itself while it runs. Such changes take effect from the next message.": a sentence
            // about changes during the walk sets the subject for the rest of its element.
            var text = sentence.Text;
            if (During().IsMatch(text) && Change().IsMatch(text))
            {
                aboutChangesDuring = sentence.Node;
            }
            else if (aboutChangesDuring != sentence.Node)
            {
                continue;
            }

            var next = NextPass().IsMatch(text);
            var same = SamePass().IsMatch(text);
            if (next == same)
            {
                continue;
            }

            found.Add((sentence, next ? Stance.NextPass : Stance.SamePass, SkipsRemoved().IsMatch(text)));
        }

        return found;
    }

    [GeneratedRegex(@"\b(while|during|inside|from within|in the middle of|re-?entran\w*|mid-\w+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex During();

    [GeneratedRegex(@"\b(un)?(subscrib\w*|register\w*|add\w*|remov\w*|chang\w*|modif\w*|cancel\w*|dispos\w*|detach\w*|attach\w*|schedul\w*|insert\w*|delet\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Change();

    [GeneratedRegex(@"\b(takes? effect (from|on|at|with|after) the next|from the next|(until|till) the next|on the next|snapshot|copy of the|as (it|they) (was|were) when|(subscribed|registered|present|attached|scheduled|listed) (when|at the time|before) (the|a|it|this)|at the time (the|a|it|this) \w+ (is|was|starts|started|began|begins))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextPass();

    [GeneratedRegex(@"\b(takes? effect (immediately|at once|straight away|right away)|(also|still) (receive|see|get|run|visit)s?|are (seen|visited|called|run|notified) (in|during|by) (the )?(current|same|this)|in the same (pass|publish|dispatch|tick|round|notification))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SamePass();

    [GeneratedRegex(@"\b(unless (it|they|the \w+) (was|were|is|are|has been|have been) (un\w+|remov\w+|dispos\w+|cancel\w+|detach\w+|delet\w+))|((unsubscribed|removed|disposed|cancel+ed|detached|deleted) \w* ?(before|earlier)[^.;]*\b(not|never|skipped)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SkipsRemoved();
}
