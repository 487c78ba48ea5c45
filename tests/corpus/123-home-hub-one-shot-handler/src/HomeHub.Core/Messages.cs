namespace HomeHub.Core;

public sealed record DevicePaired(string DeviceId, string Model, string Room);

public sealed record SensorReading(string DeviceId, string Kind, double Value);
