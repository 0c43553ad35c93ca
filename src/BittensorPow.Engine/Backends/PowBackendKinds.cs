namespace BittensorPow.Engine.Backends;

public static class PowBackendKinds
{
    public static bool IsGpu(this PowBackend backend) => backend is PowBackend.IlgpuCpu or PowBackend.Cuda or PowBackend.OpenCL;
}
