using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Signed (and unsigned) extrinsics as the dev node receives them, then the signature check. The first byte picks
/// the runtime whose signed-extension list lays out the extra bytes: raonet 218 (where the vectors were recorded) or
/// finney 393. Rejection: ScaleFormatException; VerifySignature answers false, never throws.
/// </summary>
public static class ExtrinsicTarget
{
    /// <summary>Chopsticks' fake genesis hash, which the recorded spec-218 extrinsic signs.</summary>
    private static readonly byte[] Genesis = Enumerable.Repeat((byte)0x45, 32).ToArray();

    private static readonly Lazy<SignedExtensions[]> Lists = new(() =>
    [
        From(MetadataDecoder.Decode(File.ReadAllBytes(SharedData.PathOf("metadata", "raonet-spec218-v14.scale")))),
        From(SharedData.Finney),
    ]);

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 1) return;
        var extensions = Lists.Value[input[0] % 2];
        DecodedExtrinsic extrinsic;
        try { extrinsic = ExtrinsicDecoder.Decode(input[1..], extensions); }
        catch (ScaleFormatException) { return; }
        _ = extrinsic.CallIndex;
        ExtrinsicDecoder.VerifySignature(extrinsic, extensions, 218, 1, Genesis, Genesis);
    }

    public static IEnumerable<byte[]> Seeds() =>
        Seed.SubstrateVectorStrings("extrinsics_spec218").Select(h => (byte[])[0, .. Convert.FromHexString(h[2..])])
            .Concat(Seed.RecordedHexValues().Where(b => b.Length > 2 && b.Length < 512).Select(b => (byte[])[0, .. b]));

    private static SignedExtensions From(RuntimeMetadata metadata) => new(metadata.SignedExtensions.Select(e => e.Identifier));
}
