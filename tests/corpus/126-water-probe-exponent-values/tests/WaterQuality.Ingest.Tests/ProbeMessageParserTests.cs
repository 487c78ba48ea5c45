using WaterQuality.Ingest;

public class ProbeMessageParserTests
{
    [Fact]
    public void Parse_DecimalValue()
    {
        var m = new ProbeMessageParser().Parse("RIV-03;ph;7.42;pH;1751364000");

        Assert.Equal(new Measurement("RIV-03", "ph", 7.42m, "pH", new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero)), m);
    }

    [Fact]
    public void Parse_MissingField_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => new ProbeMessageParser().Parse("RIV-03;ph;7.42;1751364000"));
    }

    [Fact]
    public void Breaches_AboveLimit()
    {
        var checker = new LimitChecker(new Dictionary<string, decimal> { ["ammonia"] = 0.6m });
        var ms = new ProbeMessageParser().ParseAll("RIV-03;ammonia;0.82;mg/L;1751364000\nRIV-03;ammonia;0.31;mg/L;1751364900\n");
        Assert.Equal([0.82m], checker.Breaches(ms).Select(b => b.Measurement.Value));
    }
}
