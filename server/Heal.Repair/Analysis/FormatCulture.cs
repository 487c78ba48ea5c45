namespace Heal.Repair.Analysis;

/// <summary>The culture text is written in.</summary>
public enum FormatCulture
{
    /// <summary><c>CultureInfo.InvariantCulture</c> (or a fixed-layout format such as <c>o</c>, which ignores the culture).</summary>
    Invariant,

    /// <summary>No culture given, or <c>CultureInfo.CurrentCulture</c>: the machine's culture, unknown to Heal.</summary>
    Current,

    /// <summary>A named culture (<c>new CultureInfo("de-DE")</c>), which Heal cannot reproduce offline.</summary>
    Named,
}
