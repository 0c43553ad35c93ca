namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Everything one launch needs, passed by value so that it lands in the kernel's parameter space
/// (constant bank) rather than in memory the kernel has to load.
/// </summary>
public struct SealLaunch
{
    public SealConstants Constants;

    /// <summary>
    /// Nonce of thread 0; thread i tries Base + i. A launch never crosses a multiple of 2^32: the nonce's high half is
    /// folded into <see cref="Constants"/>, so the kernels read only the low half of Base.
    /// </summary>
    public ulong Base;

    /// <summary>T = ⌊(2^256 − 1) / D⌋, most significant limb first.</summary>
    public ulong T3, T2, T1, T0;

    /// <summary>Threads past Count (the last, partial block) do nothing.</summary>
    public int Count;
}
