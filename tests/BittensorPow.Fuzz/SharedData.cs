using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.Fuzz;

/// <summary>
/// ../shared beside the repository root: real metadata for the type-driven targets and the seed corpora.
/// BITTENSORPOW_SHARED overrides it (the tests honour the same variable).
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> SharedLazy = new(Find);
    private static readonly Lazy<RuntimeMetadata> FinneyLazy = new(() => MetadataDecoder.Decode(File.ReadAllBytes(PathOf("metadata", FinneyV16))));

    /// <summary>The newest real runtime in ../shared: the type registry values and events are decoded against.</summary>
    public const string FinneyV16 = "finney-spec393-v16.scale";

    public static string Shared => SharedLazy.Value;
    public static RuntimeMetadata Finney => FinneyLazy.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("BITTENSORPOW_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln"))) continue;
            var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            if (Directory.Exists(shared)) return shared;
        }
        throw new DirectoryNotFoundException("../shared was not found beside the repository; set BITTENSORPOW_SHARED.");
    }
}
