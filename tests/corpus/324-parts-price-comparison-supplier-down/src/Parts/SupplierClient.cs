using System.Globalization;
using System.Net;

namespace Parts;

public interface ISupplierClient
{
    string Supplier { get; }

    /// <summary>The supplier's trade price for the part, or null when they do not stock it.</summary>
    Task<decimal?> PriceAsync(string partNumber, CancellationToken cancellationToken);
}

public sealed class HttpSupplierClient(HttpClient http, string supplier) : ISupplierClient
{
    public string Supplier { get; } = supplier;

    public async Task<decimal?> PriceAsync(string partNumber, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"prices/{Uri.EscapeDataString(partNumber)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return decimal.Parse(body.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
