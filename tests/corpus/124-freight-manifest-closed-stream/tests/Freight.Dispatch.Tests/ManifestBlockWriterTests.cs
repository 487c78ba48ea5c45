using System.Text;
using Freight.Documents;

public class ManifestBlockWriterTests
{
    [Fact]
    public void WriteHeader_ThreeLines()
    {
        var output = new MemoryStream();
        new ManifestBlockWriter().WriteHeader(output, new ManifestHeader("DPX", "ACC-5521", new DateOnly(2025, 10, 14), "LEEDS-2", 3));

        Assert.Equal("HDR|DPX|ACC-5521|20251014\nDEPOT|LEEDS-2\nCOUNT|3\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void WriteTrailer_LeavesTheStreamOpen()
    {
        var output = new MemoryStream();
        new ManifestBlockWriter().WriteTrailer(output, 2, 31.5m);

        Assert.True(output.CanWrite);
        Assert.Equal("TRL|2|31.50\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
