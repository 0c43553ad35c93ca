using BittensorPow.Subtensor.Chain.Events;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>System.Events bytes decoded with finney's metadata into ChainEvents. Rejection: ChainReplyException.</summary>
public static class EventsTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            foreach (var e in SystemEvents.Decode(SharedData.Finney, input.ToArray())) e.ToString();
        }
        catch (ChainReplyException) { }
    }

    /// <summary>
    /// One record per event variant of the runtime: ApplyExtrinsic(1), pallet and event index, then as many zero bytes
    /// as make it decode (zero is None, false, an empty Vec or the first variant, so most fields accept it).
    /// </summary>
    public static IEnumerable<byte[]> Seeds()
    {
        var metadata = SharedData.Finney;
        foreach (var pallet in metadata.Pallets.Where(p => p.EventTypeId is not null))
            foreach (var e in metadata.Events(pallet.Name))
                for (int zeros = 1; zeros <= 128; zeros++)
                {
                    var seed = new ScaleWriter().Compact(1UL).U8(0).U32(1).U8(pallet.Index).U8(e.Index).Raw(new byte[zeros]).ToArray();
                    if (Decodes(metadata, seed)) { yield return seed; break; }
                }
        yield return [0];
    }

    private static bool Decodes(RuntimeMetadata metadata, byte[] raw)
    {
        try { SystemEvents.Decode(metadata, raw); return true; }
        catch (ChainReplyException) { return false; }
    }
}
