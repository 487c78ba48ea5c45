using Crm;

namespace Crm.Tests;

public sealed class CustomerFileTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public CustomerFileTests() =>
        File.WriteAllText(_path, "id;name;email;active;segment\nC1;Ann;ann@example.org;1;retail\nC2;Bob;bob@example.org;0;trade\nC3;Cy;cy@example.org;1;trade\n");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void All_ThreeRows_ReadsThree() => Assert.Equal(["C1", "C2", "C3"], new CustomerFile(_path).All().Select(c => c.Id));

    [Fact]
    public void SegmentSize_Trade_IsTwo() => Assert.Equal(2, MailingList.SegmentSize(new CustomerFile(_path), "trade"));
}
