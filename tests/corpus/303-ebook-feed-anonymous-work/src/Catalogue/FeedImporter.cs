using System.Text.Json;

namespace Catalogue;

public sealed class FeedImporter
{
    private readonly Dictionary<string, Book> _books = new();

    public IReadOnlyCollection<Book> Books => _books.Values;

    /// <summary>Imports every product of the feed, replacing titles already in the catalogue.</summary>
    public int Import(string json)
    {
        var feed = JsonSerializer.Deserialize<FeedDocument>(json) ?? new FeedDocument();
        var count = 0;
        foreach (var product in feed.Products)
        {
            if (string.IsNullOrWhiteSpace(product.Isbn13))
                continue;
            var book = BookMapper.ToBook(product);
            _books[book.Isbn] = book;
            count++;
        }
        return count;
    }

    public Book? Find(string isbn) => _books.GetValueOrDefault(isbn.Replace("-", ""));
}
