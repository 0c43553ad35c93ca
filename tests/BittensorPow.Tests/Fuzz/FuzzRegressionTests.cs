using BittensorPow.Fuzz;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer once crashed or hung on (Fuzz/regressions/&lt;target&gt;/&lt;name&gt;), replayed through
/// the target's own entry point with the allocation guard: it must now be accepted or rejected with the decoder's
/// typed error. To add one, copy AFL's crash file into the target's folder with a name that says what it was.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string Folder => Path.Combine(SharedFiles.RepoRoot, "tests", "BittensorPow.Tests", "Fuzz", "regressions");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(Folder).Order())
            foreach (var file in Directory.GetFiles(dir).Order())
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replays_without_a_finding(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(Folder, target, file));
        AllocationGuard.Run(FuzzTargets.Get(target).Run, input);
    }

    [Fact]
    public void Every_regression_folder_names_a_target()
    {
        foreach (var dir in Directory.GetDirectories(Folder))
            Assert.Contains(FuzzTargets.All, t => t.Name == Path.GetFileName(dir));
    }
}
