using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>
/// One searcher on ILGPU's CPU accelerator, shared by every test class of the <see cref="IlgpuCpuCollection"/>:
/// compiling the kernels and calibrating is the slow part (seconds of CPU per kernel), and each test prepares its own
/// template.
/// </summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuCpuFixture()
    {
        Searcher = GpuBackends.CreateSearchers(PowBackend.IlgpuCpu, [0]).Single();
    }

    public GpuSealSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}

/// <summary>The test classes that search on the shared <see cref="IlgpuCpuFixture"/> (one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class IlgpuCpuCollection : ICollectionFixture<IlgpuCpuFixture>
{
    public const string Name = "ILGPU CPU accelerator";
}
