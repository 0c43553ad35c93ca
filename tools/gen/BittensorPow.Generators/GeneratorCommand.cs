namespace BittensorPow.Generators;

/// <summary>What the file-based apps in tools/gen share: [OUTDIR] (default: the engine folder the files belong in,
/// from the repository root), write, say what was written.</summary>
public static class GeneratorCommand
{
    public static int Run(string[] args, string engineFolder, IReadOnlyList<GeneratedFile> files)
    {
        var dir = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), engineFolder);
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"{dir} not found: run from the repository root, or name the output folder.");
            return 1;
        }
        foreach (var file in files)
        {
            var path = file.WriteTo(dir);
            Console.WriteLine(file.Summary.Length > 0 ? $"wrote {path}: {file.Summary}" : $"wrote {path}");
        }
        return 0;
    }
}
