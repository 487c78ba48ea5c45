using HomeHub.Core;

public class HubEventBusTests
{
    [Fact]
    public void Publish_ReachesHandlersOfThatType()
    {
        var bus = new HubEventBus();
        var readings = new List<double>();
        var paired = new List<string>();
        bus.Subscribe<SensorReading>(r => readings.Add(r.Value));
        bus.Subscribe<DevicePaired>(p => paired.Add(p.DeviceId));

        bus.Publish(new SensorReading("th-01", "temperature", 19.5));

        Assert.Equal([19.5], readings);
        Assert.Empty(paired);
    }

    [Fact]
    public void Dispose_Unsubscribes()
    {
        var bus = new HubEventBus();
        var count = 0;
        var subscription = bus.Subscribe<SensorReading>(_ => count++);
        subscription.Dispose();

        bus.Publish(new SensorReading("th-01", "temperature", 19.5));

        Assert.Equal(0, count);
        Assert.Equal(0, bus.SubscriberCount);
    }
}
