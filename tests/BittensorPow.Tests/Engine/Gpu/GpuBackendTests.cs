using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

public class GpuBackendTests
{
    [Fact]
    public void Listing_shows_the_host_cpu_and_ilgpus_cpu_accelerator()
    {
        var devices = GpuDevices.List();
        Assert.Contains(devices, d => d.Kind == PowBackend.Cpu && d.ComputeUnits == Environment.ProcessorCount);
        var ilgpu = Assert.Single(devices, d => d.Kind == PowBackend.IlgpuCpu);
        Assert.Equal(0, ilgpu.Id);
        Assert.True(ilgpu.MaxThreadsPerGroup > 0);
    }

    [Fact]
    public void A_missing_device_id_names_the_kind_and_the_id()
    {
        var ex = Assert.Throws<GpuDeviceNotFoundException>(() => GpuBackends.CreateSearchers(PowBackend.IlgpuCpu, [7]));
        Assert.Equal(PowBackend.IlgpuCpu, ex.Kind);
        Assert.Equal(7, ex.DeviceId);
        Assert.Contains("IlgpuCpu device 7", ex.Message);
    }

    [Fact]
    public void A_kind_without_devices_throws_device_not_found()
    {
        // Only meaningful where the kind is absent (CI); on a CUDA machine the other branch checks the listing agrees.
        var cuda = GpuDevices.List(PowBackend.Cuda);
        if (cuda.Count == 0)
        {
            var ex = Assert.Throws<GpuDeviceNotFoundException>(() => GpuBackends.CreateSearchers(PowBackend.Cuda));
            Assert.Equal(PowBackend.Cuda, ex.Kind);
            Assert.Null(ex.DeviceId);
        }
        else Assert.All(cuda, d => Assert.Equal(PowBackend.Cuda, d.Kind));
    }

    [Fact]
    public void Threads_per_block_out_of_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuBackends.CreateSearchers(PowBackend.IlgpuCpu, null, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuBackends.CreateSearchers(PowBackend.IlgpuCpu, null, 2048));
    }

    [Fact]
    public void Search_before_prepare_is_an_error()
    {
        using var searcher = GpuBackends.CreateSearchers(PowBackend.IlgpuCpu).Single();
        Assert.Equal("IlgpuCpu 0: " + searcher.Info.Name, searcher.Name);
        Assert.True(searcher.PreferredBatch >= (ulong)searcher.LaunchSize);
        Assert.Throws<InvalidOperationException>(() => searcher.Search(0, 10, CancellationToken.None, out _));
    }
}
