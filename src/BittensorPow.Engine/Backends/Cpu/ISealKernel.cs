namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// One instruction set's seal computation over a group of consecutive positions, for each seal scheme. Static members so
/// that <see cref="CpuSealSearcher{TKernel}"/> is specialised per kernel and the hot loop has no virtual calls.
/// </summary>
internal interface ISealKernel
{
    /// <summary>The back-end name shown to the user.</summary>
    static abstract string Name { get; }

    /// <summary>Positions per group.</summary>
    static abstract int Width { get; }

    /// <summary>True only when the hardware runs this width natively (never a software fallback).</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// Legacy seal (position = nonce): computes the seals of nonces first, first+1, …, first+Width−1 (wrapping at 2^64).
    /// Returns a mask with bit i set when the seal of first+i passes the early reject on its most significant 64 bits; for
    /// every such group of lanes it writes the four Keccak output lanes to <paramref name="lanes"/> as lanes[j·Width + i]
    /// (j = 0..3).
    /// </summary>
    static abstract ulong Candidates(SealMidstate midstate, ulong first, Span<ulong> lanes);

    /// <summary>
    /// pow_register seal: the same for the positions at offsets <paramref name="offset"/>, offset+1, …, offset+Width−1 of
    /// the midstate's current span (<see cref="PowRegisterMidstate.EnterSpan"/>). A lane whose offset reaches 2^24 lies
    /// outside the span: its bit and output lanes mean nothing, and the caller masks it off.
    /// </summary>
    static abstract ulong Candidates(PowRegisterMidstate midstate, uint offset, Span<ulong> lanes);
}
