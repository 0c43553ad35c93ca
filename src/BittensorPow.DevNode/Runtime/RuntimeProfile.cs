using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Runtime;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// The runtime the DevNode pretends to run: a real metadata file and the version numbers a node reports with it.
/// Only one metadata version is held (the file's), so the Metadata runtime API lists only that version and returns
/// None for any other (a real runtime would also list V14; listing what cannot be served would mislead clients).
/// </summary>
public sealed partial class RuntimeProfile
{
    private RuntimeProfile(string fileName, byte[] metadata, uint specVersion, uint transactionVersion, bool registerLimitAdded,
        bool powRegisterAdded, bool powFaucet)
    {
        FileName = fileName;
        RegisterLimitAdded = registerLimitAdded;
        PowRegisterAdded = powRegisterAdded;
        PowFaucet = powFaucet;
        Metadata = metadata;
        MetadataVersion = metadata[4];
        SpecVersion = specVersion;
        TransactionVersion = transactionVersion;
        Decoded = MetadataDecoder.Decode(metadata);
        Extensions = new SignedExtensions(Decoded.SignedExtensions.Select(e => e.Identifier));
    }

    /// <summary>The metadata decoded: pallet/call/error indices, storage hashers, event and account types.</summary>
    public RuntimeMetadata Decoded { get; }

    /// <summary>The runtime's signed-extension list, which says how the extrinsics it accepts are laid out.</summary>
    public SignedExtensions Extensions { get; }

    /// <summary>How this runtime reads a seal as a U256 (SPEC §2): big-endian up to spec 271, little-endian after.</summary>
    public SealRule SealRule => Subtensor.Runtime.RuntimeProfile.SealRuleFor(SpecVersion);

    /// <summary>From spec 397 <c>register</c> ignores the work and performs a burned registration paid by the signer.</summary>
    public bool RegisterBurns => !Subtensor.Runtime.RuntimeProfile.RegisterVerifiesWorkFor(SpecVersion);

    public string FileName { get; }
    /// <summary>True when <see cref="Metadata"/> is the file with register_limit patched in (<see cref="RegisterLimitPatch"/>).</summary>
    public bool RegisterLimitAdded { get; }
    /// <summary>True when spec 475's pow_register was asked for (<see cref="Finney475Patch"/>; a no-op on a file that lists it).</summary>
    public bool PowRegisterAdded { get; }
    /// <summary>Spec 475's runtime (pow_register asked for): it reports 475's runtime APIs.</summary>
    public bool IsFinney475 => PowRegisterAdded;
    /// <summary>False for a node built without pow-faucet: faucet is listed (as in spec 218) but answers FaucetDisabled.</summary>
    public bool PowFaucet { get; }
    /// <summary>The metadata served: "meta" magic, version byte, then the metadata (the file's bytes, or patched).</summary>
    public byte[] Metadata { get; }
    public int MetadataVersion { get; }
    public uint SpecVersion { get; }
    public uint TransactionVersion { get; }

    public static RuntimeProfile Load(DevNodeOptions options)
    {
        string path = File.Exists(options.Metadata) ? options.Metadata
            : Path.Combine(SharedFolder.Find(options.SharedFolder), "metadata", options.Metadata);
        if (!File.Exists(path)) throw new FileNotFoundException($"Metadata file '{options.Metadata}' was not found (looked at {path}).", path);
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 5 || bytes[0] != 0x6d || bytes[1] != 0x65 || bytes[2] != 0x74 || bytes[3] != 0x61)
            throw new InvalidDataException($"'{path}' does not start with the metadata magic \"meta\".");
        uint spec = options.SpecVersion
            ?? (SpecInName().Match(Path.GetFileName(path)) is { Success: true } m ? uint.Parse(m.Groups[1].Value) : 218u);
        if (options.PowRegister) bytes = Finney475Patch.Apply(bytes);
        if (options.RegisterLimit) bytes = RegisterLimitPatch.Apply(bytes);
        return new RuntimeProfile(Path.GetFileName(path), bytes, spec, options.TransactionVersion, options.RegisterLimit,
            options.PowRegister, options.PowFaucet);
    }

    public JsonObject RuntimeVersionJson()
    {
        var json = new JsonObject
        {
            ["specName"] = "node-subtensor",
            ["implName"] = "node-subtensor",
            ["authoringVersion"] = 1,
            ["specVersion"] = SpecVersion,
            ["implVersion"] = 1,
            ["apis"] = new JsonArray(RuntimeApis.For(IsFinney475).Select(a => (JsonNode)new JsonArray(a.Id, a.Version)).ToArray()),
            ["transactionVersion"] = TransactionVersion,
        };
        if (IsFinney475) json["systemVersion"] = 1;
        json["stateVersion"] = 1;
        return json;
    }

    /// <summary>Metadata_metadata: OpaqueMetadata, i.e. the bytes as a SCALE Vec&lt;u8&gt;.</summary>
    public byte[] MetadataCallResult() => new ScaleWriter().Bytes(Metadata).ToArray();

    /// <summary>Metadata_metadata_versions: Vec&lt;u32&gt;.</summary>
    public byte[] MetadataVersionsCallResult()
    {
        return new ScaleWriter().Compact(1).U32((uint)MetadataVersion).ToArray();
    }

    /// <summary>Metadata_metadata_at_version(u32): Option&lt;OpaqueMetadata&gt;; None for versions this profile does not hold.</summary>
    public byte[] MetadataAtVersionCallResult(uint version)
        => version == (uint)MetadataVersion ? [1, .. MetadataCallResult()] : [0];

    [GeneratedRegex(@"spec(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex SpecInName();
}
