using Notices.Push;
using Notices.Text;

public class NotificationBuilderTests
{
    private static readonly DeviceProfile Phone = new("phone", 40, 12, 25);

    [Fact]
    public void Build_LongTitle_IsCutWithDots()
    {
        var n = new NotificationBuilder().Build(new OrderUpdate("A-1", "Hartley & Sons Hardware", "Out for delivery", "Arriving today"), Phone);

        Assert.Equal("Hartley & Sons Hardware: Out for deli...", n.Title);
        Assert.Equal("Out for d...", n.ShortTitle);
        Assert.Equal("Arriving today", n.Body);
    }

    [Fact]
    public void Truncate_Words_KeepsWholeWords()
    {
        Assert.Equal("one two…", "one two three".Truncate(2, truncator: Truncator.FixedNumberOfWords));
    }

    [Fact]
    public void Truncate_ShortEnough_IsUnchanged()
    {
        Assert.Equal("Shipped", "Shipped".Truncate(7, "..."));
        Assert.Equal("", "".Truncate(0));
    }
}
