namespace Heal.VisualStudio.Tests;

/// <summary>The tests that share one captured crash (the capture builds and runs the demo sample once).</summary>
[CollectionDefinition(Name)]
public sealed class DemoCrashCollection : ICollectionFixture<DemoCrash>
{
    public const string Name = "demo crash";
}
