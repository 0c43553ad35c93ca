namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Compiles the search kernels to PTX text without a GPU: ILGPU's PTX back end only needs a context,
/// not a device. Lets CI and developers run ptxas on the exact code a CUDA device loads (the same
/// <see cref="PtxRewriter"/> pass as <see cref="GpuSealSearcher"/>).
/// </summary>
public static class PtxExport
{
    /// <summary>ptxas from CUDA 11.8 (Debian bookworm) accepts PTX ISA up to 7.8.</summary>
    public static readonly CudaInstructionSet DefaultInstructionSet = CudaInstructionSet.ISA_78;
    public static readonly CudaArchitecture DefaultArchitecture = CudaArchitecture.SM_90;

    /// <summary>The kernels a device loads: the legacy seal's per byte order, then pow_register's.</summary>
    public static readonly IReadOnlyList<string> KernelNames =
        [nameof(SealKernels.SearchBigEndian), nameof(SealKernels.SearchLittleEndian), nameof(SealKernels.SearchPowRegister)];

    /// <summary>Kernel name (<see cref="KernelNames"/>) → PTX text.</summary>
    public static IReadOnlyDictionary<string, string> Compile(CudaArchitecture? architecture = null, CudaInstructionSet? instructionSet = null)
    {
        using var context = Context.Create(b => b.Optimize(OptimizationLevel.O1));
        using var backend = new PTXBackend(context, architecture ?? DefaultArchitecture,
            instructionSet ?? DefaultInstructionSet, null!); // no NVVM: ILGPU's own PTX generator
        var result = new Dictionary<string, string>();
        foreach (var name in KernelNames)
        {
            var method = typeof(SealKernels).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(nameof(SealKernels), name);
            var entry = EntryPointDescription.FromExplicitlyGroupedKernel(method);
            var compiled = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
            result[name] = Retarget(PtxRewriter.RemoveInlineAsmLocals(compiled.PTXAssembly), architecture ?? DefaultArchitecture);
        }
        return result;
    }

    /// <summary>
    /// ILGPU 1.5.3 writes at most ".target sm_80" whatever architecture it is given; the kernel uses nothing newer,
    /// so naming the requested target lets ptxas check and schedule it for that chip (sm_90 needs ISA ≥ 7.8).
    /// </summary>
    private static string Retarget(string ptx, CudaArchitecture architecture)
    {
        string target = $".target sm_{architecture.Major}{architecture.Minor}";
        return System.Text.RegularExpressions.Regex.Replace(ptx, @"^\.target sm_\d+", target, System.Text.RegularExpressions.RegexOptions.Multiline);
    }
}
