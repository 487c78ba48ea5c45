using Catalogue;

namespace Catalogue.Tests;

public class ImportTests
{
    [Fact]
    public void Byline_ThreeAuthors() => Assert.Equal("A, B and C", BookMapper.Byline(["A", "B", "C"]));

    [Fact]
    public void Byline_NoAuthors_IsAnonymous() => Assert.Equal("Anonymous", BookMapper.Byline([]));

    [Fact]
    public void Import_MapsAuthorsAndSkipsBlankIsbn()
    {
        const string json = """
        {"products":[
          {"isbn13":"978-0-14-044913-6","title":" Crime and Punishment ","price":9.99,
           "contributors":[{"name":"Fyodor Dostoevsky","role":"A01"},{"name":"David McDuff","role":"B06"}],
           "subjects":["FIC019000"]},
          {"isbn13":"","title":"Broken row","price":1.00,"contributors":[]}
        ]}
        """;
        var importer = new FeedImporter();
        Assert.Equal(1, importer.Import(json));
        var book = importer.Find("9780140449136")!;
        Assert.Equal("Crime and Punishment", book.Title);
        Assert.Equal("Fyodor Dostoevsky", book.Byline);
    }
}
