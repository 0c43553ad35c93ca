namespace BittensorPow.Engine.Backends;

/// <summary>
/// The seam between the solver and a back end. One searcher is driven by one solver thread:
/// a CPU searcher per worker thread, a GPU searcher per device. The solver hands it a template
/// once per block and then ranges of positions in the challenge's search order
/// (<see cref="Challenge.NonceAt"/>: the nonce itself for the legacy seal); the searcher reports the smallest passing
/// position of a range.
/// </summary>
public interface ISealSearcher : IDisposable
{
    /// <summary>Shown to the user: "CpuScalar", "CpuAvx512", "Cuda 0: NVIDIA H100".</summary>
    string Name { get; }

    /// <summary>Positions per round when the user does not set one (a GPU wants far more than a CPU thread).</summary>
    ulong PreferredBatch { get; }

    /// <summary>Precomputes everything that does not depend on the position. Called once per template.</summary>
    void Prepare(BlockTemplate template);

    /// <summary>
    /// Tries positions start, start+1, …, start+count−1 (wrapping at 2^64). Returns true with the smallest
    /// passing position of the range. The solver maps it to its nonce and re-verifies every hit on the scalar path.
    /// Long ranges check <paramref name="cancellation"/> between chunks.
    /// </summary>
    bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong position);
}
