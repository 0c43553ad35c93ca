namespace BittensorPow.Subtensor.Chain.Blocks;

/// <summary>
/// A 32-byte block hash: the one form block hashes take from the RPC client to a solution, so hex is parsed and
/// printed only at the edges (<see cref="Hex"/>), never converted back and forth on the way.
/// </summary>
[JsonConverter(typeof(BlockHashJsonConverter))]
public readonly struct BlockHash : IEquatable<BlockHash>
{
    public const int Length = 32;

    private readonly byte[]? _bytes;

    private BlockHash(byte[] bytes) => _bytes = bytes;

    /// <exception cref="ArgumentException">The span is not 32 bytes.</exception>
    public static BlockHash FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == Length
        ? new BlockHash(bytes.ToArray())
        : throw new ArgumentException($"A block hash is {Length} bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>Parses 0x-prefixed (or bare) hex of exactly 32 bytes.</summary>
    /// <exception cref="FormatException">With a message that says what is wrong with the text.</exception>
    public static BlockHash Parse(string text) =>
        TryParse(text, out var hash, out var error) ? hash : throw new FormatException(error);

    public static bool TryParse(string? text, out BlockHash hash, out string error)
    {
        hash = default;
        if (!Hex.TryDecodeFixed(text, Length, out var bytes, out error)) return false;
        hash = new BlockHash(bytes);
        return true;
    }

    public ReadOnlySpan<byte> AsSpan() => _bytes ?? new byte[Length];
    public byte[] ToArray() => AsSpan().ToArray();

    public bool Equals(BlockHash other) => AsSpan().SequenceEqual(other.AsSpan());
    public override bool Equals(object? obj) => obj is BlockHash other && Equals(other);
    public override int GetHashCode() => BitConverter.ToInt32(AsSpan());
    public static bool operator ==(BlockHash a, BlockHash b) => a.Equals(b);
    public static bool operator !=(BlockHash a, BlockHash b) => !a.Equals(b);

    /// <summary>0x and 64 lower-case hex digits, as nodes and explorers write it.</summary>
    public override string ToString() => Hex.Encode(AsSpan());
}
