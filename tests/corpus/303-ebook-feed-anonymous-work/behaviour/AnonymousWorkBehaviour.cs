using Catalogue;

namespace Catalogue.Behaviour.Tests;

public class AnonymousWorkBehaviour
{
    private const string Json = """
    {"products":[
      {"isbn13":"978-0-14-044100-0","title":"Beowulf","price":8.99},
      {"isbn13":"978-0-00-000001-1","title":"Sagas","price":12.50,"contributors":[{"name":"Ed Itor","role":"B01"}]},
      {"isbn13":"978-0-00-000002-8","title":"Kept","price":5.00,"contributors":[{"name":"Jo March","role":"A01"}]}
    ]}
    """;

    [Fact]
    public void Import_ProductWithoutContributors_IsImportedAsAnonymous()
    {
        var importer = new FeedImporter();
        Assert.Equal(3, importer.Import(Json));
        var book = importer.Find("9780140441000");
        Assert.NotNull(book);
        Assert.Equal("Anonymous", book!.Byline);
        Assert.Equal(8.99m, book.Price);
        Assert.Empty(book.Subjects);
    }

    [Fact]
    public void Import_OtherProductsUnchanged()
    {
        var importer = new FeedImporter();
        importer.Import(Json);
        Assert.Equal("Anonymous", importer.Find("9780000000011")!.Byline);
        Assert.Equal("Jo March", importer.Find("9780000000028")!.Byline);
    }

    [Fact]
    public void ToBook_NullContributors_IsAnonymous() =>
        Assert.Equal("Anonymous", BookMapper.ToBook(new ProductDto { Isbn13 = "1", Title = "T" }).Byline);
}
