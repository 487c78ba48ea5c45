namespace HomeHub.Core;

/// <summary>The app's "add a device" flow: waits for the next device to pair, then names it.</summary>
public sealed class PairingWizard
{
    private readonly HubEventBus _bus;
    private IDisposable? _waiting;

    public PairingWizard(HubEventBus bus)
    {
        _bus = bus;
    }

    public string? PairedDevice { get; private set; }

    public string? SuggestedName { get; private set; }

    public void Start()
    {
        _waiting = _bus.Subscribe<DevicePaired>(OnPaired);
    }

    private void OnPaired(DevicePaired paired)
    {
        _waiting?.Dispose();
        _waiting = null;
        PairedDevice = paired.DeviceId;
        SuggestedName = $"{paired.Room} {paired.Model}";
    }
}
