namespace Kiosk;

/// <summary>
/// UI texts of the self-checkout kiosk, per locale. English is the source language and is complete;
/// other locales are translated by volunteers and may lag behind. A locale we do not know at all, and a
/// text a locale has not translated yet, are both shown in English.
/// </summary>
public sealed class Messages
{
    public const string SourceLocale = "en";

    private readonly Dictionary<string, Dictionary<string, string>> _catalog;

    public Messages(Dictionary<string, Dictionary<string, string>> catalog) =>
        _catalog = new(catalog, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Locales => _catalog.Keys;

    public string Get(string locale, string key)
    {
        var table = _catalog.TryGetValue(locale, out var translated) ? translated : _catalog[SourceLocale];
        return table[key];
    }

    public string Format(string locale, string key, params object[] args) => string.Format(Get(locale, key), args);
}
