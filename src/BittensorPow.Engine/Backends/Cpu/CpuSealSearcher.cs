namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// Walks a range of positions (<see cref="Challenge.NonceAt"/>) in groups of <c>TKernel.Width</c>, in order, so the first
/// accepted position is the smallest of the range. Candidates from the kernel's early reject get the full 256-bit compare
/// here. For the pow_register seal a range is cut where a span of 2^24 positions ends (<see cref="PowRegisterMidstate"/>):
/// a group never mixes two spans' block-2 states, and the last group of each piece is masked like the range's last.
/// </summary>
internal sealed class CpuSealSearcher<TKernel> : ISealSearcher where TKernel : struct, ISealKernel
{
    // Cancellation is polled once per this many groups: about a millisecond of work at any width.
    private const int GroupsPerCancellationCheck = 256;

    private SealMidstate? _legacy;
    private PowRegisterMidstate? _powRegister;

    public CpuSealSearcher()
    {
        if (!TKernel.IsSupported)
            throw new NotSupportedException(
                $"CPU back end '{TKernel.Name}' needs instructions this processor (or runtime) does not provide.");
    }

    public string Name => TKernel.Name;

    /// <summary>btcli's update_interval: a round of 50,000 positions is 2–20 ms here, so a new block reaches every worker quickly.</summary>
    public ulong PreferredBatch => 50_000;

    public void Prepare(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        (_legacy, _powRegister) = template.Challenge switch
        {
            LegacyChallenge legacy => (new SealMidstate(legacy, template.Difficulty), (PowRegisterMidstate?)null),
            PowRegisterChallenge powRegister => (null, new PowRegisterMidstate(powRegister, template.Difficulty)),
            var other => throw new NotSupportedException($"{TKernel.Name} does not search {other.Scheme} seals."),
        };
    }

    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong position)
    {
        int groups = 0;
        if (_powRegister is { } powRegister) return SearchSpans(powRegister, start, count, ref groups, cancellation, out position);
        var legacy = _legacy ?? throw new InvalidOperationException("Prepare must be called with a block template before Search.");
        return SearchGroups(legacy, null, legacy.Threshold, legacy.ByteOrder, start, count, ref groups, cancellation, out position);
    }

    private static bool SearchSpans(PowRegisterMidstate m, ulong start, ulong count, ref int groups, CancellationToken cancellation,
        out ulong position)
    {
        ulong done = 0;
        while (done < count)
        {
            ulong first = unchecked(start + done);
            ulong piece = Math.Min(count - done, PowRegisterMidstate.SpanLength - (first & PowRegisterMidstate.OffsetMask));
            m.EnterSpan(PowRegisterMidstate.SpanOf(first));
            if (SearchGroups(null, m, m.Threshold, SealByteOrder.LittleEndian, first, piece, ref groups, cancellation, out position)) return true;
            done += piece;
        }
        position = 0;
        return false;
    }

    // Exactly one of legacy and powRegister is set; the test per group costs nothing next to Width seals. For the
    // pow_register seal the range lies inside the current span.
    // Fully optimised on first call: tier-0 code of the kernels is many times slower and would skew short solves and measurements.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SearchGroups(SealMidstate? legacy, PowRegisterMidstate? powRegister, SealThreshold threshold, SealByteOrder order,
        ulong start, ulong count, ref int groups, CancellationToken cancellation, out ulong position)
    {
        int width = TKernel.Width;
        Span<ulong> lanes = stackalloc ulong[4 * width];
        ulong done = 0;
        while (done < count)
        {
            if (++groups == GroupsPerCancellationCheck)
            {
                groups = 0;
                cancellation.ThrowIfCancellationRequested();
            }
            ulong first = unchecked(start + done);
            ulong mask = legacy is not null
                ? TKernel.Candidates(legacy, first, lanes)
                : TKernel.Candidates(powRegister!, (uint)first & PowRegisterMidstate.OffsetMask, lanes);
            ulong left = count - done;
            if (left < (ulong)width) mask &= (1UL << (int)left) - 1;
            while (mask != 0)
            {
                int i = BitOperations.TrailingZeroCount(mask);
                var value = SealValue.FromLanes(lanes[i], lanes[width + i], lanes[2 * width + i], lanes[3 * width + i], order);
                if (threshold.Accepts(value))
                {
                    position = unchecked(first + (ulong)i);
                    return true;
                }
                mask &= mask - 1;
            }
            if (left <= (ulong)width) break;
            done += (ulong)width;
        }
        position = 0;
        return false;
    }

    public void Dispose() { }
}
