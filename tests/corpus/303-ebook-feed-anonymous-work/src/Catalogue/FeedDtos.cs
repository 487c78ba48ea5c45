using System.Text.Json.Serialization;

namespace Catalogue;

// Shapes of the publisher's ONIX-lite JSON feed. Optional arrays are omitted from the feed when empty
// (e.g. "contributors" for anonymous works, "subjects" for unclassified titles).
public sealed class FeedDocument
{
    [JsonPropertyName("products")]
    public List<ProductDto> Products { get; set; } = [];
}

public sealed class ProductDto
{
    [JsonPropertyName("isbn13")]
    public string Isbn13 { get; set; } = "";

    [JsonPropertyName("title")]
    public string Title { get; set; } = "";

    [JsonPropertyName("contributors")]
    public List<ContributorDto>? Contributors { get; set; }

    [JsonPropertyName("subjects")]
    public List<string>? Subjects { get; set; }

    [JsonPropertyName("price")]
    public decimal Price { get; set; }
}

public sealed class ContributorDto
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("role")]
    public string Role { get; set; } = "";
}
