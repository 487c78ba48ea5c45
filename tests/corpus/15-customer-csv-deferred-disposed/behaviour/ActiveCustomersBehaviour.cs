using Crm;

namespace Crm.Behaviour.Tests;

public sealed class ActiveCustomersBehaviour : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public ActiveCustomersBehaviour() =>
        File.WriteAllText(_path, "id;name;email;active;segment\nC1;Ann;ann@example.org;1;retail\nC2;Bob;bob@example.org;0;trade\nC3;Cy;cy@example.org;1;trade\n");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Active_ExportWithInactive_ReturnsActiveOnly() =>
        Assert.Equal(["C1", "C3"], new CustomerFile(_path).Active().Select(c => c.Id));

    [Fact]
    public void Recipients_Export_FormatsActiveCustomers() =>
        Assert.Equal(["Ann <ann@example.org>", "Cy <cy@example.org>"], MailingList.Recipients(new CustomerFile(_path)));
}
