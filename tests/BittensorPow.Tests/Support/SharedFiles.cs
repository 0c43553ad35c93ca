using System.Text.Json;

namespace BittensorPow.Tests.Support;

/// <summary>Finds ../shared beside the repository root (tests read vectors from there, never copies).</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> RepoLazy = new(FindRepoRoot);
    private static readonly Lazy<string> SharedLazy = new(FindShared);

    /// <summary>The folder holding BittensorPow.sln.</summary>
    public static string RepoRoot => RepoLazy.Value;
    public static string Shared => SharedLazy.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static JsonElement Json(params string[] parts)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf(parts)));
        return doc.RootElement.Clone();
    }

    public static JsonElement PowVectors => Json("vectors", "pow-vectors.json");
    public static JsonElement SubstrateVectors => Json("vectors", "substrate-vectors.json");

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x") ? hex[2..] : hex);

    private static string FindShared()
    {
        var env = Environment.GetEnvironmentVariable("BITTENSORPOW_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException($"../shared was not found beside {RepoRoot}.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("BittensorPow.sln was not found above the test binaries.");
    }
}
