using System.Text;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Text users and nodes hand over as accounts, bytes and numbers: SS58, 0x hex keys, hex quantities. A decoded
/// address must encode back to the same key. Rejection: FormatException (Ss58FormatException is one).
/// </summary>
public static class Ss58Target
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        if (AccountId.TryParse(text, out var key, out _) && Ss58.Decode(Ss58.Encode(key!)) is var back && !back.AsSpan().SequenceEqual(key))
            throw new InvalidOperationException($"'{text}' parsed to a key that does not survive SS58 encode/decode.");
        try { Ss58.Decode(text, expectedPrefix: null); }
        catch (FormatException) { }
        try { Hex.Decode(text); }
        catch (FormatException) { }
        try { Hex.ParseQuantity(text); }
        catch (FormatException) { }
    }

    public static IEnumerable<byte[]> Seeds() =>
    [
        Seed.Utf8("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV"),
        Seed.Utf8("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
        Seed.Utf8("0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a"),
        Seed.Utf8("0x00000003"),
        Seed.Utf8("0x3"),
    ];
}
