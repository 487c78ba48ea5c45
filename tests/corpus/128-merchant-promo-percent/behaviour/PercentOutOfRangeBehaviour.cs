using Promo.Import;

// Owner's decision: a percentage outside 1-100 rejects the whole sheet with a FormatException naming the row and
// the value, like an unknown SKU; nothing from the sheet is imported. Not clamped to 100 (the product would be
// free), not skipped.
public class PercentOutOfRangeBehaviour
{
    private static readonly IReadOnlySet<string> Skus = new HashSet<string> { "TEA-EB-250", "TEA-GR-100", "MUG-ST-01" };

    [Fact]
    public void Import_PercentOver100_RejectsTheSheetNamingTheRow()
    {
        var e = Assert.Throws<FormatException>(() => new PromoSheetImporter().Import(
            ["TEA-EB-250,15%,2025-11-24,2025-12-01", "MUG-ST-01,120%,2025-11-28,2025-11-28", "TEA-GR-100,10%,2025-11-24,2025-12-01"], Skus));

        Assert.Equal("Row 2: 120% is not a valid discount.", e.Message);
    }

    [Fact]
    public void Import_ZeroPercent_RejectsTheSheetToo()
    {
        var e = Assert.Throws<FormatException>(() => new PromoSheetImporter().Import(["TEA-GR-100,0%,2025-11-24,2025-12-01"], Skus));

        Assert.Equal("Row 1: 0% is not a valid discount.", e.Message);
    }
}
