namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// 32-bit funnel shift for the kernels. ptxas 11.8 does not fuse ILGPU's shl/shr/or into one SHF,
/// so on the PTX back end this is the shf.l.wrap instruction itself; elsewhere (ILGPU's CPU and
/// OpenCL accelerators) the plain expression. CudaAsm.IsSupported is a constant per back end, so the
/// other branch is removed at compile time, and the CPU accelerator never sees inline PTX (it would throw).
/// </summary>
internal static class Bits
{
    /// <summary>(hi &lt;&lt; n) | (lo &gt;&gt; (32 − n)), 0 &lt; n &lt; 32: the upper word of the 64-bit value hi:lo shifted left by n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Funnel(uint hi, uint lo, uint n)
    {
        if (CudaAsm.IsSupported)
        {
            CudaAsm.Emit("shf.l.wrap.b32 %0, %1, %2, %3;", out uint r, lo, hi, n);
            return r;
        }
        return (hi << (int)n) | (lo >> (int)(32 - n));
    }

    /// <summary>
    /// Byte swap. On PTX one prmt (one PRMT in SASS); ptxas 11.8 builds the shift/mask form from 4–5 LOP3, SHF, IMAD
    /// and LEA.HI instead, and ten of them run per seal (the nonce words and the SHA-256 output read into Keccak).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Swap32(uint x)
    {
        if (CudaAsm.IsSupported)
        {
            CudaAsm.Emit("prmt.b32 %0, %1, 0, 0x0123;", out uint r, x);
            return r;
        }
        return (x << 24) | ((x & 0x0000ff00u) << 8) | ((x >> 8) & 0x0000ff00u) | (x >> 24);
    }

    /// <summary>Rotate right by n, 0 &lt; n &lt; 32 (SHA-256's Σ and σ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Rotr(uint x, uint n) => Funnel(x, x, 32 - n);
}
