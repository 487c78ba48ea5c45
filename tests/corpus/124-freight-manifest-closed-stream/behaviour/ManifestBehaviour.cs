using System.Text;
using Freight.Dispatch;
using Freight.Documents;

public class ManifestBehaviour
{
    [Fact]
    public void Build_WritesHeaderConsignmentsAndTrailer()
    {
        var bytes = new ManifestBuilder().Build("DPX", "ACC-5521", "LEEDS-2", new DateOnly(2025, 10, 14),
        [
            new Consignment("SO-1001", "LS1 4AP", 2, 12.40m, "NEXTDAY"),
            new Consignment("SO-1002", "YO10 5DD", 1, 3.10m, "ECON"),
        ]);

        Assert.Equal(
            "HDR|DPX|ACC-5521|20251014\nDEPOT|LEEDS-2\nCOUNT|2\nCON|SO-1001|LS14AP|2|12.40|NEXTDAY\nCON|SO-1002|YO105DD|1|3.10|ECON\nTRL|2|15.50\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void WriteHeader_LeavesTheStreamOpen()
    {
        var output = new MemoryStream();
        new ManifestBlockWriter().WriteHeader(output, new ManifestHeader("DPX", "ACC-5521", new DateOnly(2025, 10, 14), "LEEDS-2", 0));

        Assert.True(output.CanWrite);
        output.Write("CON|X\n"u8);
        Assert.EndsWith("COUNT|0\nCON|X\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
