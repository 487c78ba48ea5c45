namespace Shipping;

public static class AddressFormatter
{
    public static string Format(Address address) =>
        $"{address.Street}\n{address.PostCode} {address.City}\n{address.Country.ToUpperInvariant()}";

    public static string SingleLine(Address address) =>
        $"{address.Street}, {address.PostCode} {address.City}, {address.Country.ToUpperInvariant()}";

    public static bool IsDomestic(Address address, string homeCountry) =>
        string.Equals(address.Country, homeCountry, StringComparison.OrdinalIgnoreCase);
}
