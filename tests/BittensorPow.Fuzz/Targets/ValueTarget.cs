using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Type-driven value decoding against finney's real registry (storage values, constants, call arguments): the first
/// two bytes pick a type, the rest is the value. Rejection: ScaleFormatException. What decodes must re-encode, and
/// the re-encoding must be a fixed point (the first one may differ: the input's compacts need not be canonical).
/// </summary>
public static class ValueTarget
{
    private static readonly Lazy<int[]> TypeIds = new(() => SharedData.Finney.Types.All.Select(t => t.Id).Order().ToArray());

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 2) return;
        var ids = TypeIds.Value;
        int typeId = ids[(input[0] | input[1] << 8) % ids.Length];
        var types = SharedData.Finney.Types;
        ScaleValue value;
        try { value = ScaleValueDecoder.DecodeAll(types, typeId, input[2..]); }
        catch (ScaleFormatException) { return; }
        value.ToString();
        var once = ScaleValueEncoder.Encode(types, typeId, value);
        var twice = ScaleValueEncoder.Encode(types, typeId, ScaleValueDecoder.DecodeAll(types, typeId, once));
        if (!once.AsSpan().SequenceEqual(twice))
            throw new InvalidOperationException($"Type #{typeId}: {Convert.ToHexString(once)} re-encodes as {Convert.ToHexString(twice)}.");
    }

    /// <summary>Each storage default and constant of the real runtime, behind the selector of its own type.</summary>
    public static IEnumerable<byte[]> Seeds()
    {
        var ids = TypeIds.Value;
        var metadata = SharedData.Finney;
        var seen = new HashSet<string>();
        foreach (var pallet in metadata.Pallets)
        {
            var values = pallet.Storage.Select(s => (s.ValueTypeId, s.Default)).Concat(pallet.Constants.Select(c => (c.TypeId, c.Value)));
            foreach (var (typeId, bytes) in values)
            {
                int selector = Array.IndexOf(ids, typeId);
                byte[] seed = [(byte)selector, (byte)(selector >> 8), .. bytes];
                if (seen.Add(Convert.ToHexString(seed))) yield return seed;
            }
        }
    }
}
