namespace BittensorPow.Engine.Backends;

/// <summary>
/// The back ends, one vocabulary from -Backend to the devices: the values users type are these names. Cpu picks the
/// widest SIMD width this processor runs natively; the GPU kinds run the same ILGPU kernel.
/// </summary>
public enum PowBackend
{
    Cpu,
    CpuScalar,
    CpuAvx2,
    CpuAvx512,
    /// <summary>ILGPU's CPU accelerator: runs the GPU kernel without a GPU (slow; for tests and CI).</summary>
    IlgpuCpu,
    Cuda,
    OpenCL,
}
