using HomeHub.Core;

public class UnsubscribeWhileHandlingBehaviour
{
    [Fact]
    public void Publish_WizardUnsubscribesItself_OthersStillGetTheMessage()
    {
        var bus = new HubEventBus();
        var wizard = new PairingWizard(bus);
        wizard.Start();
        var log = new List<string>();
        bus.Subscribe<DevicePaired>(p => log.Add(p.DeviceId));

        bus.Publish(new DevicePaired("zb-7f21", "motion sensor", "Hall"));
        bus.Publish(new DevicePaired("zb-7f22", "plug", "Kitchen"));

        Assert.Equal("zb-7f21", wizard.PairedDevice);
        Assert.Equal("Hall motion sensor", wizard.SuggestedName);
        Assert.Equal(["zb-7f21", "zb-7f22"], log);
        Assert.Equal(1, bus.SubscriberCount);
    }

    [Fact]
    public void Publish_HandlerSubscribesAnother_NewOneStartsWithTheNextMessage()
    {
        var bus = new HubEventBus();
        var late = new List<double>();
        var added = false;
        bus.Subscribe<SensorReading>(_ =>
        {
            if (!added)
            {
                added = true;
                bus.Subscribe<SensorReading>(r => late.Add(r.Value));
            }
        });

        bus.Publish(new SensorReading("th-01", "temperature", 19.5));
        bus.Publish(new SensorReading("th-01", "temperature", 19.7));

        Assert.Equal([19.7], late);
    }
}
