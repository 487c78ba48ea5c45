namespace Pharmacy;

public sealed record Drug(string Code, string Name, decimal StrengthMg, decimal MaxDailyMg);

public sealed class Formulary
{
    private readonly Dictionary<string, Drug> _drugs;

    public Formulary(IEnumerable<Drug> drugs) =>
        _drugs = drugs.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public Drug? Find(string code) => _drugs.GetValueOrDefault(code);

    public int Count => _drugs.Count;
}
