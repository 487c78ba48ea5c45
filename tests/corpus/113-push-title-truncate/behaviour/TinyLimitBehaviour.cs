using Notices.Push;
using Notices.Text;

public class TinyLimitBehaviour
{
    [Fact]
    public void Truncate_LimitShorterThanTheTruncationString_CutsWithoutIt()
    {
        Assert.Equal("Sh", "Shipped".Truncate(2, "..."));
        Assert.Equal("S", "Shipped".Truncate(1, "..."));
    }

    [Fact]
    public void Truncate_LimitThatFitsTheTruncationString_StillUsesIt()
    {
        Assert.Equal("Sh...", "Shipped today".Truncate(5, "..."));
    }

    [Fact]
    public void Build_WatchWithTwoCharacterShortTitle_FitsTheWatch()
    {
        var watch = new DeviceProfile("watch-s2", 20, 2, 8);

        var n = new NotificationBuilder().Build(new OrderUpdate("A-1", "Kiln Coffee", "Delivered", "Left in your safe place by the back door"), watch);

        Assert.Equal("De", n.ShortTitle);
        Assert.Equal("Kiln Coffee: Deli...", n.Title);
    }
}
