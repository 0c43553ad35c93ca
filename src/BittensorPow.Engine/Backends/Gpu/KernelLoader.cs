namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Loads a search kernel. On CUDA the PTX goes through <see cref="PtxRewriter"/> before the driver
/// sees it (ILGPU's own loader offers no hook for that); elsewhere ILGPU's ordinary path is used.
/// </summary>
internal static class KernelLoader
{
    public static Action<KernelConfig, TLaunch, ArrayView<ulong>> Load<TLaunch>(Accelerator accelerator, string kernelName)
        where TLaunch : struct
    {
        var method = typeof(SealKernels).GetMethod(kernelName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(nameof(SealKernels), kernelName);
        if (accelerator is not CudaAccelerator)
        {
            var action = method.CreateDelegate<Action<TLaunch, ArrayView<ulong>>>();
            return accelerator.LoadStreamKernel(action);
        }
        // ILGPU's own Cuda path offers no hook between PTX generation and the driver, so compile with a
        // PTX back end for this device's architecture and ISA, rewrite, and load the result.
        var cuda = (CudaAccelerator)accelerator;
        using var backend = new PTXBackend(accelerator.Context, cuda.Architecture, cuda.InstructionSet, null!);
        var entry = EntryPointDescription.FromExplicitlyGroupedKernel(method);
        var compiled = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
        SetAssembly(compiled, PtxRewriter.RemoveInlineAsmLocals(compiled.PTXAssembly));
        var kernel = accelerator.LoadKernel(compiled);
        var launcher = kernel.CreateLauncherDelegate<Action<AcceleratorStream, KernelConfig, TLaunch, ArrayView<ulong>>>();
        var stream = accelerator.DefaultStream;
        return (config, launch, best) => launcher(stream, config, launch, best);
    }

    /// <summary>
    /// PTXCompiledKernel's constructor is internal; its text lives in the auto-property's backing field.
    /// ILGPU is pinned to 1.5.3; if a later version renames the field this fails loudly, not silently.
    /// </summary>
    private static void SetAssembly(PTXCompiledKernel compiled, string ptx)
    {
        var field = typeof(PTXCompiledKernel).GetField("<PTXAssembly>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new MissingFieldException(nameof(PTXCompiledKernel), "PTXAssembly backing field (ILGPU version changed?)");
        field.SetValue(compiled, ptx);
    }
}
