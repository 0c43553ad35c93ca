using BittensorPow.Engine.Solving;

namespace BittensorPow.Tests.Engine.Solving;

public class NonceAllocatorTests
{
    [Fact]
    public void A_range_is_handed_out_exactly_then_refused()
    {
        var a = new NonceAllocator(start: 100, count: 250);
        Assert.True(a.TryTake(100, out var f1, out var g1));
        Assert.True(a.TryTake(100, out var f2, out var g2));
        Assert.True(a.TryTake(100, out var f3, out var g3));
        Assert.Equal((100UL, 100UL), (f1, g1));
        Assert.Equal((200UL, 100UL), (f2, g2));
        Assert.Equal((300UL, 50UL), (f3, g3));   // clamped at the end of the range
        Assert.False(a.TryTake(100, out _, out _));
        Assert.False(a.TryTake(1, out _, out _));
    }

    [Fact]
    public void A_range_wraps_around_the_ring()
    {
        var a = new NonceAllocator(start: ulong.MaxValue - 9, count: 20);
        Assert.True(a.TryTake(15, out var first, out var granted));
        Assert.Equal((ulong.MaxValue - 9, 15UL), (first, granted));
        Assert.True(a.TryTake(15, out first, out granted));
        Assert.Equal((5UL, 5UL), (first, granted));   // wrapped past 2^64: ulong.MaxValue − 9 + 15 = 5
        Assert.False(a.TryTake(15, out _, out _));
    }

    [Fact]
    public void Without_a_count_there_is_no_end()
    {
        var a = new NonceAllocator(start: ulong.MaxValue);
        Assert.True(a.TryTake(10, out var first, out var granted));
        Assert.Equal((ulong.MaxValue, 10UL), (first, granted));
        Assert.True(a.TryTake(10, out first, out _));
        Assert.Equal(9UL, first);
    }

    [Fact]
    public void Concurrent_takers_never_overlap_and_never_leave_the_range()
    {
        var a = new NonceAllocator(start: 1_000, count: 1_000_003);
        var taken = new System.Collections.Concurrent.ConcurrentBag<(ulong, ulong)>();
        Parallel.For(0, 4, _ => { while (a.TryTake(997, out var f, out var g)) taken.Add((f, g)); });
        var sorted = taken.OrderBy(t => t.Item1).ToList();
        Assert.Equal(1_000UL, sorted[0].Item1);
        for (int i = 1; i < sorted.Count; i++) Assert.Equal(sorted[i - 1].Item1 + sorted[i - 1].Item2, sorted[i].Item1);
        Assert.Equal(1_000_003UL, (ulong)sorted.Sum(t => (decimal)t.Item2));
    }
}
