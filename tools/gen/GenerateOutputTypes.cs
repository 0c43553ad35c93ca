// Writes src/BittensorPow.Cmdlets/Output/*.g.cs from module/help/Outputs.json (the generator is
// BittensorPow.Generators/OutputTypesGenerator.cs). Run from the repository root after changing an output type:
//   dotnet run tools/gen/GenerateOutputTypes.cs [OUTDIR]
#:project BittensorPow.Generators
using BittensorPow.Generators;

return GeneratorCommand.Run(args, OutputTypesGenerator.OutputFolder, OutputTypesGenerator.Generate(Directory.GetCurrentDirectory()));
