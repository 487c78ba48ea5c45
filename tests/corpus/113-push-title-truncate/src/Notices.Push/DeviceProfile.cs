namespace Notices.Push;

/// <summary>What a kind of device can show in a notification, from the device catalogue.</summary>
public sealed record DeviceProfile(string Model, int TitleLimit, int ShortTitleLimit, int BodyWordLimit);

public sealed record OrderUpdate(string OrderNumber, string ShopName, string Status, string Detail);

public sealed record PushNotification(string Title, string ShortTitle, string Body);
