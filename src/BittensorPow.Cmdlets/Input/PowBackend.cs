namespace BittensorPow.Cmdlets.Input;

/// <summary>-Backend values. Cpu picks the widest SIMD back end this CPU runs natively.</summary>
public enum PowBackend
{
    Cpu,
    CpuScalar,
    CpuAvx2,
    CpuAvx512,
    IlgpuCpu,
    Cuda,
    OpenCL,
}
