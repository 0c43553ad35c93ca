using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Architecture;

/// <summary>
/// No hand-written C# or PowerShell line is longer than <see cref="Limit"/> characters (.editorconfig's guideline is 120).
/// Generated files (*.g.cs) and what builds and fetches leave (bin, obj, out, .tools, .pester, node_modules) are not
/// hand-written.
/// </summary>
public sealed class LineLengthTests
{
    private const int Limit = 150;
    private static readonly string[] Extensions = [".cs", ".ps1", ".psm1"];
    private static readonly HashSet<string> NotHandWritten = ["bin", "obj", "out", ".tools", ".pester", "node_modules", ".git"];

    [Fact]
    public void No_hand_written_line_is_longer_than_the_limit()
    {
        var files = HandWrittenSources(SharedFiles.RepoRoot).ToList();
        Assert.True(files.Count > 400, $"found only {files.Count} source files under {SharedFiles.RepoRoot}");
        var longLines = LongLines(files).Select(l => $"{Path.GetRelativePath(SharedFiles.RepoRoot, l.File)}:{l.Line}: {l.Length}").ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} lines over {Limit} characters:\n{string.Join("\n", longLines)}");
    }

    [Fact]
    public void A_long_line_is_found_in_every_kind_of_source_and_generated_files_are_left_out()
    {
        string root = Directory.CreateTempSubdirectory("linelength").FullName;
        try
        {
            string longLine = "# " + new string('x', Limit - 1);
            File.WriteAllLines(Path.Combine(root, "a.ps1"), ["ok", longLine]);
            File.WriteAllText(Path.Combine(root, "b.psm1"), longLine);
            Directory.CreateDirectory(Path.Combine(root, "src"));
            File.WriteAllLines(Path.Combine(root, "src", "c.cs"), ["// " + new string('x', Limit - 3), "//" + new string('x', Limit - 1)]);
            File.WriteAllText(Path.Combine(root, "src", "d.g.cs"), longLine);
            Directory.CreateDirectory(Path.Combine(root, "obj"));
            File.WriteAllText(Path.Combine(root, "obj", "e.cs"), longLine);
            File.WriteAllText(Path.Combine(root, "f.txt"), longLine);

            var found = LongLines(HandWrittenSources(root)).Select(l => (Path.GetRelativePath(root, l.File), l.Line)).Order().ToList();

            Assert.Equal([("a.ps1", 2), ("b.psm1", 1), (Path.Combine("src", "c.cs"), 2)], found);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static IEnumerable<string> HandWrittenSources(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
            if (Extensions.Contains(Path.GetExtension(file)) && !file.EndsWith(".g.cs", StringComparison.Ordinal)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
            if (!NotHandWritten.Contains(Path.GetFileName(sub)))
                foreach (var file in HandWrittenSources(sub)) yield return file;
    }

    private static IEnumerable<(string File, int Line, int Length)> LongLines(IEnumerable<string> files) =>
        files.SelectMany(f => File.ReadLines(f).Select((text, i) => (File: f, Line: i + 1, text.Length)).Where(l => l.Length > Limit));
}
