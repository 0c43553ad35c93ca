using System.Collections.Concurrent;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Every call that failed in a block since start, kept across runtime upgrades, so a test can ask whether the chain
/// ever saw (say) an InvalidWorkBlock without reading back every block's events (dev_dispatchFailures).
/// </summary>
public sealed class DispatchFailures
{
    private readonly ConcurrentQueue<Failure> _failures = new();

    public sealed record Failure(ulong Block, string Call, string Error);

    public void Add(ulong block, string call, string error) => _failures.Enqueue(new Failure(block, call, error));

    public IReadOnlyList<Failure> All => _failures.ToArray();
}
