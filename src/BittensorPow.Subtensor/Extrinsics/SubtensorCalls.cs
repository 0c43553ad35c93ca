namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>SCALE encodings of the SubtensorModule calls this module submits.</summary>
public static class SubtensorCalls
{
    public const int WorkLength = 32;

    /// <summary>register(netuid u16, block_number u64, nonce u64, work Vec&lt;u8&gt; (32 bytes), hotkey AccountId32, coldkey AccountId32).</summary>
    public static byte[] Register(CallIndex index, ushort netuid, ulong blockNumber, ulong nonce,
        ReadOnlySpan<byte> work, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey)
    {
        CheckWork(work);
        return RegisterAnyWork(index, netuid, blockNumber, nonce, work, hotkey, coldkey);
    }

    /// <summary>faucet(block_number u64, nonce u64, work Vec&lt;u8&gt; (32 bytes)): only in pow-faucet runtimes.</summary>
    public static byte[] Faucet(CallIndex index, ulong blockNumber, ulong nonce, ReadOnlySpan<byte> work)
    {
        CheckWork(work);
        return Start(index).U64(blockNumber).U64(nonce).Bytes(work).ToArray();
    }

    /// <summary>burned_register(netuid u16, hotkey AccountId32).</summary>
    public static byte[] BurnedRegister(CallIndex index, ushort netuid, ReadOnlySpan<byte> hotkey) =>
        Start(index).U16(netuid).Raw(Account(hotkey, nameof(hotkey))).ToArray();

    /// <summary>
    /// register_limit(netuid u16, hotkey AccountId32, limit_price u64): burned_register that refuses a burn above
    /// limit_price (rao).
    /// </summary>
    public static byte[] RegisterLimit(CallIndex index, ushort netuid, ReadOnlySpan<byte> hotkey, ulong limitPriceRao) =>
        Start(index).U16(netuid).Raw(Account(hotkey, nameof(hotkey))).U64(limitPriceRao).ToArray();

    /// <summary>The encoding without the 32-byte work check (the runtime's type is a plain Vec&lt;u8&gt;).</summary>
    internal static byte[] RegisterAnyWork(CallIndex index, ushort netuid, ulong blockNumber, ulong nonce,
        ReadOnlySpan<byte> work, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey) =>
        Start(index).U16(netuid).U64(blockNumber).U64(nonce).Bytes(work)
            .Raw(Account(hotkey, nameof(hotkey))).Raw(Account(coldkey, nameof(coldkey))).ToArray();

    private static ScaleWriter Start(CallIndex index) => new ScaleWriter().U8(index.Pallet).U8(index.Call);

    private static ReadOnlySpan<byte> Account(ReadOnlySpan<byte> key, string name) =>
        key.Length == 32 ? key : throw new ArgumentException($"The {name} is an AccountId32: exactly 32 bytes, not {key.Length}.", name);

    private static void CheckWork(ReadOnlySpan<byte> work)
    {
        if (work.Length != WorkLength)
            throw new ArgumentException($"The work (seal) is exactly {WorkLength} bytes, not {work.Length}.", nameof(work));
    }
}
