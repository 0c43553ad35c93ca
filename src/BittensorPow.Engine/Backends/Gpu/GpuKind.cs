namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>The ILGPU accelerators the seal kernel runs on.</summary>
public enum GpuKind
{
    /// <summary>ILGPU's CPU accelerator: runs the same kernel without a GPU (slow; for tests and CI).</summary>
    IlgpuCpu,
    Cuda,
    OpenCL,
}

/// <summary>What <see cref="GpuDevices.List()"/> reports: the host CPU (native back ends) and every ILGPU device.</summary>
public enum DeviceKind
{
    Cpu,
    IlgpuCpu,
    Cuda,
    OpenCL,
}
