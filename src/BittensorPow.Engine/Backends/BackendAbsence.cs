namespace BittensorPow.Engine.Backends;

/// <summary>
/// Why a back end this machine cannot use is missing, in a line a person can act on: no AVX2 or AVX-512 in the processor
/// (or the .NET runtime told not to use it), no CUDA driver or no CUDA device, no OpenCL loader or no OpenCL device.
/// </summary>
public static class BackendAbsence
{
    /// <summary>One line per missing back end ("CpuAvx512: not available: …"); none for those that are there.</summary>
    /// <param name="found">What <see cref="GpuDevices.List(out IReadOnlyList{string})"/> found.</param>
    public static IReadOnlyList<string> Explain(IReadOnlyList<PowDeviceInfo> found)
    {
        var lines = new List<string>();
        var cpu = CpuBackends.Available();
        if (!cpu.Contains(PowBackend.CpuAvx512))
            lines.Add($"{PowBackend.CpuAvx512}: not available: " +
                Simd("AVX-512", "avx512f", "DOTNET_EnableAVX512F", Avx512F.IsSupported && Avx512BW.IsSupported,
                    Vector512.IsHardwareAccelerated, 512));
        if (!cpu.Contains(PowBackend.CpuAvx2))
            lines.Add($"{PowBackend.CpuAvx2}: not available: " +
                Simd("AVX2", "avx2", "DOTNET_EnableAVX2", Avx2.IsSupported, Vector256.IsHardwareAccelerated, 256));
        if (!found.Any(d => d.Kind == PowBackend.Cuda))
            lines.Add($"{PowBackend.Cuda}: not available: " + (Loads(CudaDriver)
                ? "the CUDA driver is installed but reports no CUDA device (check nvidia-smi, and CUDA_VISIBLE_DEVICES)."
                : $"no CUDA driver ({CudaDriver} does not load): install the NVIDIA driver for an NVIDIA GPU."));
        if (!found.Any(d => d.Kind == PowBackend.OpenCL))
            lines.Add($"{PowBackend.OpenCL}: not available: " + (Loads(OpenClLoader)
                ? "the OpenCL loader is installed but offers no device ILGPU can use (an ICD for a GPU: /etc/OpenCL/vendors)."
                : $"no OpenCL ICD loader ({OpenClLoader} does not load): install one with your GPU vendor's OpenCL driver."));
        return lines;
    }

    private static string CudaDriver => OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";
    private static string OpenClLoader => OperatingSystem.IsWindows() ? "OpenCL.dll" : "libOpenCL.so.1";

    /// <summary>Whether a native library loads; it is released at once (ILGPU loads it again itself).</summary>
    private static bool Loads(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>Processor, runtime switch, or vector width: which of them keeps the instructions out.</summary>
    private static string Simd(string name, string cpuFlag, string runtimeSwitch, bool instructions, bool accelerated, int bits)
    {
        if (!RuntimeInformation.ProcessArchitecture.ToString().StartsWith("X", StringComparison.Ordinal))
            return $"{name} is an x86 instruction set and this is an {RuntimeInformation.ProcessArchitecture} processor.";
        if (!instructions)
        {
            if (Environment.GetEnvironmentVariable(runtimeSwitch) == "0" || Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
                return $"the .NET runtime was told not to use {name} ({runtimeSwitch}=0 or DOTNET_EnableHWIntrinsic=0 in the environment).";
            return CpuFlags() is { } flags && !flags.Contains(cpuFlag)
                ? $"this processor has no {name}."
                : $"the .NET runtime does not offer {name} here (the processor, a virtual machine, or a DOTNET_Enable* setting keeps it out).";
        }
        return accelerated ? $"{name} is offered but not used by this runtime."
            : $"the .NET runtime does not accelerate {bits}-bit vectors on this processor (DOTNET_PreferredVectorBitWidth={bits} asks it to).";
    }

    /// <summary>The processor's feature flags on Linux (/proc/cpuinfo); null elsewhere.</summary>
    private static HashSet<string>? CpuFlags()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) : null;
            return line?[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
