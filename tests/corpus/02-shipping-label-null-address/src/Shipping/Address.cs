namespace Shipping;

public record Address(string Street, string City, string PostCode, string Country);
