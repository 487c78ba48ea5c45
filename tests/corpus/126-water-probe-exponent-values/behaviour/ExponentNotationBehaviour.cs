using WaterQuality.Ingest;

public class ExponentNotationBehaviour
{
    [Theory]
    [InlineData("1.2e-05", "0.000012")]
    [InlineData("3.5E+02", "350")]
    [InlineData("-4e-03", "-0.004")]
    [InlineData("7.42", "7.42")]
    public void Parse_PrintfGValues_AreReadExactly(string text, string expected)
    {
        var m = new ProbeMessageParser().Parse($"RIV-07;lead;{text};mg/L;1751364000");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), m.Value);
    }

    [Fact]
    public void Breaches_TraceValueInExponentNotation_IsCheckedAgainstTheLimit()
    {
        var checker = new LimitChecker(new Dictionary<string, decimal> { ["lead"] = 0.01m });
        var ms = new ProbeMessageParser().ParseAll("RIV-07;lead;1.2e-05;mg/L;1751364000\nRIV-07;lead;1.5e-02;mg/L;1751364900\n");

        Assert.Equal(2, ms.Count);
        Assert.Equal([0.015m], checker.Breaches(ms).Select(b => b.Measurement.Value));
    }

    [Fact]
    public void Parse_Garbage_StillFails()
    {
        Assert.Throws<FormatException>(() => new ProbeMessageParser().Parse("RIV-07;lead;n/a;mg/L;1751364000"));
    }
}
