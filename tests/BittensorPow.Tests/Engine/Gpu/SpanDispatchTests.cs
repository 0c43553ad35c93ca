using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>How a pow_register launch is cut into one dispatch per span: contiguous, in order, each inside one span.</summary>
public sealed class SpanDispatchTests
{
    private const ulong Span = SpanDispatch.SpanLength;

    [Theory]
    [InlineData(0UL, 1000)]                                  // inside the first span
    [InlineData(Span - 10, 20)]                              // across one boundary
    [InlineData(5 * Span + 12345, LaunchSizer.MaxLaunch)]    // the largest launch from mid-span: 65 spans
    [InlineData(7 * Span, LaunchSizer.MaxLaunch)]            // the largest launch from a boundary: 64 whole spans
    [InlineData(ulong.MaxValue - Span - 99, (int)(3 * Span))] // across 2^64
    [InlineData(ulong.MaxValue, 2)]
    public void A_launch_is_cut_at_every_span_boundary_and_nowhere_else(ulong launchBase, int count)
    {
        var plan = SpanDispatch.Plan(launchBase, count).ToArray();
        // Span indices are 40 bits; counted modulo 2^40, a launch across 2^64 touches the last span and then the first.
        ulong first = launchBase / Span, last = unchecked(launchBase + (ulong)count - 1) / Span;
        ulong spansTouched = (unchecked(last - first) & (ulong.MaxValue / Span)) + 1;
        Assert.Equal(spansTouched, (ulong)plan.Length);
        int expectedOffset = 0;
        foreach (var d in plan)
        {
            Assert.Equal(unchecked(launchBase + (ulong)expectedOffset), d.Start);
            Assert.Equal(expectedOffset, d.Offset);
            Assert.InRange(d.Count, 1, (int)Span);
            Assert.Equal(d.Start / Span, unchecked(d.Start + (ulong)d.Count - 1) / Span);   // one span
            expectedOffset += d.Count;
        }
        Assert.Equal(count, expectedOffset);
        Assert.All(plan.Skip(1), d => Assert.Equal(0UL, d.Start % Span));               // later ones start a span
    }

    [Fact]
    public void An_empty_launch_has_no_dispatch_and_a_negative_one_is_refused()
    {
        Assert.Empty(SpanDispatch.Plan(123, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpanDispatch.Plan(0, -1).ToArray());
    }
}
