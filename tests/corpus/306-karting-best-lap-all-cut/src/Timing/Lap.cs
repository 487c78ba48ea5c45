namespace Timing;

public readonly record struct Lap(int Number, TimeSpan Time, bool CutTrack);

public sealed class Driver(string kartNumber, string name)
{
    public string KartNumber { get; } = kartNumber;
    public string Name { get; } = name;
    public List<Lap> Laps { get; } = [];
}
