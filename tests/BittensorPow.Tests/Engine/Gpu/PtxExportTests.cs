using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>PTX for sm_90 without a GPU: what tools/ptx/check.sh assembles.</summary>
public class PtxExportTests
{
    [Fact]
    public void Every_kernel_compiles_to_ptx_78_without_local_memory_or_calls()
    {
        var kernels = PtxExport.Compile();
        Assert.Equal(["SearchBigEndian", "SearchLittleEndian", "SearchPowRegister"], kernels.Keys.Order());
        foreach (var (name, ptx) in kernels)
        {
            Assert.Contains(".version 7.8", ptx);
            Assert.Contains($"Kernel_{name}", ptx);
            Assert.DoesNotContain(".local", ptx);   // the inline-asm round trips were rewritten away
            Assert.DoesNotContain("call", ptx);     // SealMath was inlined: one straight-line kernel
            Assert.Contains("shf.l.wrap.b32", ptx);  // rotates are funnel shifts
            Assert.Contains("red.min.u64", ptx);    // Atomic.Min on the hit offset (result unused: a reduction)
        }
    }

    [Fact]
    public void Rewriter_turns_the_inline_asm_round_trip_into_a_move_and_refuses_unknown_local_use()
    {
        const string roundTrip = "\n\t.local .align 4 .b8 __local_depot0[4];\n\tmov.b64\t%rd8, __local_depot0;\n\tst.local.b32\t[%rd8], 0;\n"
            + "\tshf.l.wrap.b32 \t%r2, %r1, %r1, 25;\n\tst.local.b32\t[%rd8], %r2;\n\tld.local.b32\t%r3, [%rd8];\n";
        Assert.True(PtxRewriter.TryRemoveInlineAsmLocals(roundTrip, out var rewritten));
        Assert.Contains("mov.b32\t%r3, %r2;", rewritten);
        Assert.DoesNotContain("local", rewritten);

        const string other = "\tst.local.b32\t[%rd8], %r2;\n\tadd.s32\t%r4, %r4, 1;\n\tld.local.b32\t%r3, [%rd8];\n";
        Assert.False(PtxRewriter.TryRemoveInlineAsmLocals(other, out _));
        Assert.Equal(other, PtxRewriter.RemoveInlineAsmLocals(other));
    }
}
