namespace Catalogue;

public sealed record Book(string Isbn, string Title, string Byline, IReadOnlyList<string> Subjects, decimal Price);

public static class BookMapper
{
    private const string AuthorRole = "A01";

    public static Book ToBook(ProductDto dto) =>
        new(dto.Isbn13.Replace("-", ""),
            dto.Title.Trim(),
            Byline(dto.Contributors.Where(c => c.Role == AuthorRole).Select(c => c.Name).ToList()),
            dto.Subjects ?? [],
            dto.Price);

    /// <summary>"A", "A and B", "A, B and C"; "Anonymous" when the work has no credited author.</summary>
    public static string Byline(IReadOnlyList<string> authors) => authors.Count switch
    {
        0 => "Anonymous",
        1 => authors[0],
        _ => string.Join(", ", authors.Take(authors.Count - 1)) + " and " + authors[^1],
    };
}
