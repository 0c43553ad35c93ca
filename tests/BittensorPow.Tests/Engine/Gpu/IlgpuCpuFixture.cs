using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>One searcher on ILGPU's CPU accelerator, shared by a test class: compiling the kernel is the slow part.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuCpuFixture()
    {
        Searcher = GpuBackends.CreateSearchers(PowBackend.IlgpuCpu, [0]).Single();
    }

    public GpuSealSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}
