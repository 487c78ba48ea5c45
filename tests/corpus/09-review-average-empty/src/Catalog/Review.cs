namespace Catalog;

public sealed record Review(string Author, int Stars, bool Approved);

public sealed record Product(string Sku, string Name, IReadOnlyList<Review> Reviews);
