using Notices.Text;

namespace Notices.Push;

/// <summary>Turns order updates into notifications that fit the customer's device.</summary>
public sealed class NotificationBuilder
{
    // Plain dots: some older watch firmware renders the ellipsis character as a box.
    private const string Ellipsis = "...";

    public PushNotification Build(OrderUpdate update, DeviceProfile device)
    {
        var title = $"{update.ShopName}: {update.Status}";
        return new PushNotification(
            title.Truncate(device.TitleLimit, Ellipsis)!,
            update.Status.Truncate(device.ShortTitleLimit, Ellipsis)!,
            update.Detail.Truncate(device.BodyWordLimit, Ellipsis, Truncator.FixedNumberOfWords)!);
    }
}
