using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// The V14/V15/V16 metadata decoder, then what the client does with a decoded runtime: look up calls, errors and
/// events and decode every constant through the (hostile) type registry. Rejection: MetadataFormatException for the
/// blob; for the lookups and constants also MetadataLookupException and ScaleFormatException.
/// </summary>
public static class MetadataTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        RuntimeMetadata metadata;
        try { metadata = MetadataDecoder.Decode(input); }
        catch (MetadataFormatException) { return; }

        foreach (var pallet in metadata.Pallets)
        {
            try
            {
                metadata.Calls(pallet.Name);
                metadata.Events(pallet.Name);
                metadata.TryGetError(pallet.Index, 0);
                foreach (var c in pallet.Constants) metadata.DecodeConstant(pallet.Name, c.Name);
                foreach (var s in pallet.Storage) metadata.Types.Describe(s.ValueTypeId);
            }
            catch (Exception e) when (e is MetadataFormatException or MetadataLookupException or ScaleFormatException)
            {
            }
        }
    }

    /// <summary>The real blobs, then a few one-pallet slices of each (<see cref="MetadataSlices"/>).</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        var blobs = RealBlobs().ToList();
        return blobs.Concat(blobs.SelectMany(b => MetadataSlices.Of(b, SlicesPerBlob)));
    }

    private const int SlicesPerBlob = 4;

    public static IEnumerable<byte[]> RealBlobs() =>
        Directory.GetFiles(SharedData.PathOf("metadata"), "*.scale").Order().Select(File.ReadAllBytes);
}
