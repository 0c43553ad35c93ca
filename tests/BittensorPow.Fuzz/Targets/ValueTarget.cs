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
        foreach (var seed in PowRegisterSeeds(ids, metadata)) yield return seed;
    }

    /// <summary>
    /// Values pow_register's checks read (SPEC §10) as a spec-475 node serves them, by the types this registry gives those
    /// items: LastPowRegistrationBlock is the u64 Difficulty has (393 predates it), OwnedHotkeys full at 256 and past it.
    /// </summary>
    private static IEnumerable<byte[]> PowRegisterSeeds(int[] ids, RuntimeMetadata metadata)
    {
        byte[] Typed(string item, byte[] value)
        {
            int selector = Array.IndexOf(ids, metadata.Storage("SubtensorModule", item).ValueTypeId);
            return [(byte)selector, (byte)(selector >> 8), .. value];
        }
        foreach (ulong block in new ulong[] { 0, 1, 4_000_000, ulong.MaxValue / 4, ulong.MaxValue })
            yield return Typed("Difficulty", BitConverter.GetBytes(block));   // LastPowRegistrationBlock, Difficulty, Min/MaxDifficulty
        foreach (ushort n in new ushort[] { 0, 1, ushort.MaxValue })
            yield return Typed("RegistrationsThisBlock", BitConverter.GetBytes(n));
        yield return Typed("NetworkPowRegistrationAllowed", [0]);
        yield return Typed("NetworkPowRegistrationAllowed", [2]);
        foreach (int count in new[] { 255, 256, 257 })
            yield return Typed("OwnedHotkeys", [.. BitConverter.GetBytes(count << 2 | 1).AsSpan(0, 2), .. new byte[32 * count]]);
        // A length that claims a billion hotkeys with none behind it.
        yield return Typed("OwnedHotkeys", [0x02, 0x28, 0x6b, 0xee]);
    }
}
