using BittensorPow.Generators;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Tools;

/// <summary>
/// The committed .g.cs files are exactly what the generators in tools/gen write today. The generators run in-process
/// (the library the dotnet-run apps use), so the check costs milliseconds, not the compile of an app per run.
/// </summary>
public sealed class GeneratedCodeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("bittensorpow-gen-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static readonly string[] GeneratorNames = ["GenerateCpuSeal", "GenerateGpuSeal", "GenerateOutputTypes"];

    public static TheoryData<string> Generators => new(GeneratorNames);

    private static (string EngineFolder, IReadOnlyList<GeneratedFile> Files) Run(string generator) => generator switch
    {
        "GenerateCpuSeal" => (CpuSealGenerator.EngineFolder, CpuSealGenerator.Generate()),
        "GenerateGpuSeal" => (GpuSealGenerator.EngineFolder, GpuSealGenerator.Generate()),
        "GenerateOutputTypes" => (OutputTypesGenerator.OutputFolder, OutputTypesGenerator.Generate(SharedFiles.RepoRoot)),
        _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, null),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Regenerated_files_equal_the_committed_ones_byte_for_byte(string generator)
    {
        var (folder, files) = Run(generator);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var fresh = File.ReadAllBytes(file.WriteTo(_temp));
            var committed = File.ReadAllBytes(Path.Combine(SharedFiles.RepoRoot, folder, file.Name));
            Assert.True(fresh.AsSpan().SequenceEqual(committed),
                $"{folder}/{file.Name} is not what tools/gen/{generator}.cs writes (first difference on line " +
                $"{FirstDifferentLine(fresh, committed)}): edit the generator, run `dotnet run tools/gen/{generator}.cs` " +
                "from the repository root and commit both.");
        }
    }

    [Fact]
    public void Every_committed_generated_file_is_checked()
    {
        var checkedFiles = GeneratorNames
            .SelectMany(g => { var (folder, files) = Run(g); return files.Select(f => $"{folder}/{f.Name}"); })
            .Order();
        var committed = new[] { "src", "tests", "bench", "tools" }
            .SelectMany(d => SourceFiles(Path.Combine(SharedFiles.RepoRoot, d)))
            .Select(p => Path.GetRelativePath(SharedFiles.RepoRoot, p).Replace('\\', '/'))
            .Order();
        Assert.Equal(checkedFiles, committed);
    }

    /// <summary>*.g.cs below a folder, not descending into build output or npm's packages (thousands of files).</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.g.cs").Concat(Directory.EnumerateDirectories(folder)
            .Where(d => Path.GetFileName(d) is not ("obj" or "bin" or "node_modules"))
            .SelectMany(SourceFiles));

    private static int FirstDifferentLine(byte[] a, byte[] b)
    {
        int line = 1, n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n && a[i] == b[i]; i++)
            if (a[i] == (byte)'\n') line++;
        return line;
    }
}
