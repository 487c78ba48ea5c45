using Heal.Core.Grouping;

namespace Heal.Core.Tests.Grouping;

public sealed class MessageNormalizerTests
{
    [Theory]
    [InlineData("Order 42 not found", "Order <num> not found")]
    [InlineData("Timeout after 1,500.25 ms", "Timeout after <num> ms")]
    [InlineData("User 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 is locked", "User <guid> is locked")]
    [InlineData("Blob 7a1f33c9e0b24d1b9c8d7e6f5a4b3c2d missing", "Blob <guid> missing")]
    [InlineData("Commit 9c1e0f3ab is unknown", "Commit <hex> is unknown")]
    [InlineData("Access violation at 0x7ffe1a2b", "Access violation at <hex>")]
    [InlineData("Expired at 2026-11-28T02:10:03.123Z, issued 2026-11-01", "Expired at <date>, issued <date>")]
    [InlineData("The given key 'sku-17' was not present in the dictionary.", "The given key <quoted> was not present in the dictionary.")]
    [InlineData("Unexpected token \"}\" in `config.json`", "Unexpected token <quoted> in <quoted>")]
    [InlineData("Can't find the user's profile", "Can't find the user's profile")]
    [InlineData("Could not mail ann.lee+ops@example.co.uk", "Could not mail <email>")]
    [InlineData("GET https://api.example.com/v2/orders/42?x=1 returned 503", "GET <url> returned <num>")]
    [InlineData("Could not find file /srv/app/data/7.json.", "Could not find file <path>.")]
    [InlineData("Could not find file C:\\agent\\_work\\data.json", "Could not find file <path>")]
    [InlineData("Access to ./tmp/cache/x denied", "Access to <path> denied")]
    [InlineData("Int32 overflow in utf8 decoder", "Int32 overflow in utf8 decoder")]
    [InlineData("and/or  multiple\n spaces", "and/or multiple spaces")]
    [InlineData(null, "")]
    public void Normalize_Message_ReplacesVaryingParts(string? message, string expected) =>
        Assert.Equal(expected, MessageNormalizer.Normalize(message));
}
