// Writes src/BittensorPow.Engine/Backends/Gpu/SealMath.g.cs (the generator is
// BittensorPow.Generators/GpuSealGenerator.cs). Run from the repository root after changing the kernel's math:
//   dotnet run tools/gen/GenerateGpuSeal.cs [OUTDIR]
#:project BittensorPow.Generators
using BittensorPow.Generators;

return GeneratorCommand.Run(args, GpuSealGenerator.EngineFolder, GpuSealGenerator.Generate());
