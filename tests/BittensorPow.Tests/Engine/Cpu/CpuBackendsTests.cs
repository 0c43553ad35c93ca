using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Cpu;

namespace BittensorPow.Tests.Engine.Cpu;

public class CpuBackendsTests
{
    [Fact]
    public void Available_is_best_first_and_ends_with_scalar()
    {
        var available = CpuBackends.Available();
        Assert.Equal(CpuBackends.Scalar, available[^1]);
        Assert.Equal(available[0], CpuBackends.Best());
        // Known() is widest first, so the available ones keep that order.
        Assert.Equal(CpuBackends.Known().Where(CpuBackends.IsAvailable), available);
        Assert.Equal(SealAvx512.IsSupported, available.Contains(CpuBackends.Avx512));
        Assert.Equal(SealAvx2.IsSupported, available.Contains(CpuBackends.Avx2));
    }

    [Fact]
    public void A_gpu_back_end_is_not_a_cpu_back_end()
    {
        var ex = Assert.Throws<NotSupportedException>(() => CpuBackends.Create(PowBackend.Cuda));
        Assert.Contains("Cuda", ex.Message);
    }

    [Fact]
    public void Every_available_back_end_creates_a_searcher_named_for_it()
    {
        foreach (var backend in CpuBackends.Available())
        {
            using var searcher = CpuBackends.Create(backend);
            Assert.Equal(backend.ToString(), searcher.Name);
        }
    }

    [Fact]
    public void Cpu_means_the_best_available_width()
    {
        using var searcher = CpuBackends.Create(PowBackend.Cpu);
        Assert.Equal(CpuBackends.Best().ToString(), searcher.Name);
    }

    [Fact]
    public void Unavailable_width_is_refused_with_a_reason()
    {
        var missing = CpuBackends.Known().Except(CpuBackends.Available()).ToList();
        if (missing.Count == 0)
        {
            // Every width runs here; the constructor guard is what refuses a missing one elsewhere.
            Assert.All(CpuBackends.Known(), name => CpuBackends.Create(name).Dispose());
            return;
        }
        foreach (var name in missing)
            Assert.Contains("does not provide", Assert.Throws<NotSupportedException>(() => CpuBackends.Create(name)).Message);
    }

    [Fact]
    public void Search_before_prepare_is_an_invalid_operation()
    {
        using var searcher = CpuBackends.Create(CpuBackends.Best());
        Assert.Throws<InvalidOperationException>(() => searcher.Search(0, 10, CancellationToken.None, out _));
    }

    [Fact]
    public void Long_search_stops_on_cancellation()
    {
        using var searcher = CpuBackends.Create(CpuBackends.Best());
        searcher.Prepare(SealKernelChecks.Template(0, ulong.MaxValue, BittensorPow.Engine.SealByteOrder.LittleEndian));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => searcher.Search(0, ulong.MaxValue, cts.Token, out _));
    }
}
