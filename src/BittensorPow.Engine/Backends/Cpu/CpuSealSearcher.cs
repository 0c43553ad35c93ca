using System.Numerics;

namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// Walks a nonce range in groups of <c>TKernel.Width</c>, in order, so the first accepted nonce is the
/// smallest of the range. Candidates from the kernel's early reject get the full 256-bit compare here.
/// </summary>
internal sealed class CpuSealSearcher<TKernel> : ISealSearcher where TKernel : struct, ISealKernel
{
    // Cancellation is polled once per this many groups: about a millisecond of work at any width.
    private const int GroupsPerCancellationCheck = 256;

    private SealMidstate? _midstate;

    public CpuSealSearcher()
    {
        if (!TKernel.IsSupported) throw new NotSupportedException($"CPU back end '{TKernel.Name}' needs instructions this processor (or runtime) does not provide.");
    }

    public string Name => TKernel.Name;

    /// <summary>btcli's update_interval: a round of 50,000 nonces is 2–20 ms here, so a new block reaches every worker quickly.</summary>
    public ulong PreferredBatch => 50_000;

    public void Prepare(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _midstate = template.Challenge switch
        {
            LegacyChallenge legacy => new SealMidstate(legacy, template.Difficulty),
            var other => throw new NotSupportedException($"{TKernel.Name} does not search {other.Scheme} seals yet."),
        };
    }

    // Fully optimised on first call: tier-0 code of the kernels is many times slower and would skew short solves and measurements.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong nonce)
    {
        var midstate = _midstate ?? throw new InvalidOperationException("Prepare must be called with a block template before Search.");
        int width = TKernel.Width;
        Span<ulong> lanes = stackalloc ulong[4 * width];
        ulong done = 0;
        int groups = 0;
        while (done < count)
        {
            if (++groups == GroupsPerCancellationCheck)
            {
                groups = 0;
                cancellation.ThrowIfCancellationRequested();
            }
            ulong first = unchecked(start + done);
            ulong mask = TKernel.Candidates(midstate, first, lanes);
            ulong left = count - done;
            if (left < (ulong)width) mask &= (1UL << (int)left) - 1;
            while (mask != 0)
            {
                int i = BitOperations.TrailingZeroCount(mask);
                var value = SealValue.FromLanes(lanes[i], lanes[width + i], lanes[2 * width + i], lanes[3 * width + i], midstate.ByteOrder);
                if (midstate.Threshold.Accepts(value))
                {
                    nonce = unchecked(first + (ulong)i);
                    return true;
                }
                mask &= mask - 1;
            }
            if (left <= (ulong)width) break;
            done += (ulong)width;
        }
        nonce = 0;
        return false;
    }

    public void Dispose() { }
}
