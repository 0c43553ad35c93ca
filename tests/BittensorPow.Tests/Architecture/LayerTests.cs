using System.Reflection;
using System.Xml.Linq;
using BittensorPow.Engine;
using BittensorPow.Registration;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Architecture;

/// <summary>
/// The arrows that must never exist (docs/DESIGN.md): Engine and Subtensor know nothing of each other, nothing below the
/// cmdlets knows PowerShell, and nothing the product ships or benchmarks reaches into tests/.
/// </summary>
public sealed class LayerTests
{
    private const string PowerShell = "System.Management.Automation";

    public static TheoryData<string, string> Forbidden => new()
    {
        { Name(typeof(Challenge)), Name(typeof(IRpcClient)) },
        { Name(typeof(Challenge)), Name(typeof(IWorkflowOutput)) },
        { Name(typeof(Challenge)), PowerShell },
        { Name(typeof(IRpcClient)), Name(typeof(Challenge)) },
        { Name(typeof(IRpcClient)), Name(typeof(IWorkflowOutput)) },
        { Name(typeof(IRpcClient)), PowerShell },
        { Name(typeof(IWorkflowOutput)), PowerShell },
        { Name(typeof(IWorkflowOutput)), "BittensorPow" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void An_assembly_does_not_reference_what_its_layer_must_not_know(string assembly, string mustNotReference)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assembly);
        var references = loaded.GetReferencedAssemblies().Select(r => r.Name).ToList();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(mustNotReference, references);
    }

    [Fact]
    public void No_project_under_src_or_bench_references_tests()
    {
        string root = SharedFiles.RepoRoot;
        var projects = new[] { "src", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.csproj", SearchOption.AllDirectories))
            .ToList();
        Assert.True(projects.Count >= 6, $"found only {projects.Count} projects under src/ and bench/");
        var offenders = projects
            .SelectMany(p => XDocument.Load(p).Descendants("ProjectReference")
                .Select(r => (Project: p, Target: Path.GetFullPath(
                    Path.Combine(Path.GetDirectoryName(p)!, r.Attribute("Include")!.Value.Replace('\\', '/'))))))
            .Where(x => x.Target.StartsWith(Path.Combine(root, "tests") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(root, x.Project)} -> {Path.GetRelativePath(root, x.Target)}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static string Name(Type t) => t.Assembly.GetName().Name!;
}
