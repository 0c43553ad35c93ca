// Writes src/BittensorPow.Engine/Backends/Cpu/Seal{Scalar,Avx2,Avx512}.g.cs (the generator is
// BittensorPow.Generators/CpuSealGenerator.cs). Run from the repository root after changing the rounds:
//   dotnet run tools/gen/GenerateCpuSeal.cs [OUTDIR]
#:project BittensorPow.Generators
using BittensorPow.Generators;

return GeneratorCommand.Run(args, CpuSealGenerator.EngineFolder, CpuSealGenerator.Generate());
