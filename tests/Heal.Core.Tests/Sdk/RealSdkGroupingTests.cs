using System.Runtime.CompilerServices;
using Heal.Core.Grouping;
using Heal.Core.Model;

namespace Heal.Core.Tests.Sdk;

/// <summary>Real crashes captured by the real .NET SDK, read by our parser and grouped.</summary>
public sealed class RealSdkGroupingTests
{
    [Fact]
    public void FromSentryJson_RealSdkEvent_ReadsThrowingFrameWithLineAndSignature()
    {
        var e = Parse(() => Orders.Total(null));
        Assert.Equal("csharp", e.Platform);
        var exception = Assert.Single(e.Exceptions);
        Assert.Equal("System.NullReferenceException", exception.Type);
        var frame = exception.ThrowingFrame!;
        Assert.True(frame.InApp);
        Assert.Contains("Orders.Total(", frame.Function, StringComparison.Ordinal);
        Assert.Equal("RealSdkGroupingTests.cs", Path.GetFileName(frame.AbsolutePath));
        Assert.True(frame.Line > 0);
    }

    [Fact]
    public void Compute_RealSdkSameBugFromDifferentValues_SameGroup() =>
        Assert.Equal(Group(() => Orders.Find(17)), Group(() => Orders.Find(90210)));

    [Fact]
    public void Compute_RealSdkDifferentThrowingMethod_DifferentGroup() =>
        Assert.NotEqual(Group(() => Orders.Find(17)), Group(() => Orders.Price("sku-17")));

    [Fact]
    public void Compute_RealSdkInnerException_GroupsOnTheInnermostCause()
    {
        var e = Parse(() => Orders.Load(5));
        Assert.Equal(["System.Collections.Generic.KeyNotFoundException", "System.InvalidOperationException"], e.Exceptions.Select(x => x.Type));
        Assert.StartsWith("type: System.Collections.Generic.KeyNotFoundException", Fingerprint.Compute(e).Basis, StringComparison.Ordinal);
    }

    private static ErrorEvent Parse(Action crash)
    {
        var result = ErrorEvent.FromSentryJson(RealSdkEvents.Capture(crash));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        return result.Value!;
    }

    private static string Group(Action crash) => Fingerprint.Compute(Parse(crash)).GroupId;

    /// <summary>Code with real bugs; no inlining so each method keeps its frame.</summary>
    private static class Orders
    {
        private static readonly Dictionary<int, decimal> Known = new() { [1] = 3.5m };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static int Total(string? sku) => sku!.Length;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static decimal Find(int id) => id > 0 ? Lookup(id) : 0;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static decimal Price(string sku) => decimal.Parse(sku, System.Globalization.CultureInfo.InvariantCulture);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static decimal Load(int id)
        {
            try
            {
                return Lookup(id);
            }
            catch (KeyNotFoundException exception)
            {
                throw new InvalidOperationException($"Order {id} could not be loaded.", exception);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static decimal Lookup(int id) => Known[id];
    }
}
