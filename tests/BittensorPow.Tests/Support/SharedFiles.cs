using System.Text.Json;

namespace BittensorPow.Tests.Support;

/// <summary>Finds ../shared beside the repository root (tests read vectors from there, never copies).</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string RepoRoot => Path.GetDirectoryName(RootLazy.Value)!;
    public static string Shared => RootLazy.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static JsonElement Json(params string[] parts)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf(parts)));
        return doc.RootElement.Clone();
    }

    public static JsonElement PowVectors => Json("vectors", "pow-vectors.json");
    public static JsonElement SubstrateVectors => Json("vectors", "substrate-vectors.json");

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x") ? hex[2..] : hex);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("BITTENSORPOW_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(shared)) return Path.Combine(dir.FullName, "..", "shared") is var s ? Path.GetFullPath(s) : shared;
                throw new DirectoryNotFoundException($"../shared was not found beside {dir.FullName}.");
            }
        }
        throw new DirectoryNotFoundException("BittensorPow.sln was not found above the test binaries.");
    }
}
