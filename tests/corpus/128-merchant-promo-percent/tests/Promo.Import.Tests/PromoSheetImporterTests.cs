using Promo.Domain;
using Promo.Import;

public class PromoSheetImporterTests
{
    private static readonly IReadOnlySet<string> Skus = new HashSet<string> { "TEA-EB-250", "TEA-GR-100", "MUG-ST-01" };

    [Fact]
    public void Import_ReadsRows()
    {
        var promos = new PromoSheetImporter().Import(["TEA-EB-250,15%,2025-11-24,2025-12-01", "MUG-ST-01, 30 ,2025-11-28,2025-11-28"], Skus);

        Assert.Equal([15, 30], promos.Select(p => p.Percent));
        Assert.Equal(8.49m, promos[0].Apply(9.99m));
    }

    [Fact]
    public void Import_UnknownSku_RejectsTheSheet()
    {
        var e = Assert.Throws<FormatException>(() => new PromoSheetImporter().Import(["TEA-EB-250,15%,2025-11-24,2025-12-01", "TEA-XX-1,10%,2025-11-24,2025-12-01"], Skus));
        Assert.Equal("Row 2: unknown SKU 'TEA-XX-1'.", e.Message);
    }

    [Fact]
    public void Import_EndBeforeStart_IsAOneDayPromotion()
    {
        var promo = Assert.Single(new PromoSheetImporter().Import(["TEA-GR-100,10%,2025-11-28,2025-11-27"], Skus));
        Assert.Equal(promo.From, promo.Until);
    }
}
