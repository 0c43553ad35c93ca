using BittensorPow.Engine;

namespace BittensorPow.Tests.Registration;

/// <summary>SPEC §3 at its edge: with head H the transaction executes in H+1, which accepts blocks H and H−1 only.</summary>
public sealed class StalenessTests
{
    [Theory]
    [InlineData(100, 100, false)] // the head itself
    [InlineData(99, 100, false)]  // 2 blocks behind the executing block
    [InlineData(98, 100, true)]   // 3 behind: InvalidWorkBlock
    [InlineData(101, 100, false)] // the executing block itself
    [InlineData(102, 100, true)]  // a block the chain has not reached
    public void Window(ulong block, ulong head, bool stale) => Assert.Equal(stale, Staleness.IsStale(block, head));
}
