using BittensorPow.Subtensor.Metadata;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Subtensor;

/// <summary>The real runtime metadata files in ../shared/metadata, decoded once per test run.</summary>
public static class MetadataFiles
{
    private static readonly Dictionary<string, Lazy<RuntimeMetadata>> Cache =
        Names().ToDictionary(n => n, n => new Lazy<RuntimeMetadata>(() => MetadataDecoder.Decode(Bytes(n))));

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(SharedFiles.PathOf("metadata"), "*.scale").Select(Path.GetFileName).Order()!;

    public static TheoryData<string> All() => new(Names());

    public static byte[] Bytes(string name) => File.ReadAllBytes(SharedFiles.PathOf("metadata", name));

    public static RuntimeMetadata Get(string name) => Cache[name].Value;

    /// <summary>"finney-spec393-v16.scale" → 393; the file names state the runtime (PROVENANCE.md).</summary>
    public static uint SpecOf(string name) => uint.Parse(name.Split("-spec")[1].Split('-')[0]);

    public static byte VersionOf(string name) => byte.Parse(name.Split("-v")[^1].Split('.')[0]);
}
