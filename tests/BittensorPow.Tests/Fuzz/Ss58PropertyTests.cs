using System.Numerics;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Keys;
using CsCheck;

namespace BittensorPow.Tests.Fuzz;

/// <summary>SS58 encode∘decode is the identity, and a flipped bit anywhere in the address body is caught.</summary>
public sealed class Ss58PropertyTests
{
    private static readonly Gen<byte[]> Keys = Gen.Byte.Array[32];

    [Fact]
    public void Encode_then_decode_gives_the_key_back() => Keys.Sample(key =>
    {
        var address = Ss58.Encode(key);
        Assert.True(address.Length <= Ss58.MaxAddressLength);
        Assert.Equal(key, Ss58.Decode(address));
        Assert.True(AccountId.TryParse(address, out var parsed, out _));
        Assert.Equal(key, parsed);
    }, iter: 500);

    /// <summary>
    /// Flips one bit of the 35 bytes (prefix, key, checksum) and re-encodes. A flip in the checksum or prefix must
    /// always be refused; one in the key is refused unless the new key's checksum happens to match (2^-16), which
    /// is checked with the hash itself rather than assumed.
    /// </summary>
    [Fact]
    public void A_single_bit_flip_is_rejected() => Gen.Select(Keys, Gen.Int[0, 35 * 8 - 1]).Sample((key, bit) =>
    {
        var body = Base58Decode(Ss58.Encode(key));
        body[bit / 8] ^= (byte)(1 << (bit % 8));
        bool accepted = Ss58.TryDecode(Base58Encode(body), Ss58.BittensorPrefix, out _, out _);
        bool checksumStillMatches = body[0] == Ss58.BittensorPrefix
            && SubstrateHash.Blake2b512([.. "SS58PRE"u8, .. body.AsSpan(0, 33)]).AsSpan(0, 2).SequenceEqual(body.AsSpan(33));
        Assert.Equal(checksumStillMatches, accepted);
    }, iter: 1000);

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // The test's own base58 (35 bytes, no leading zero since the prefix is 42 or a flip of it) keeps Ss58's private.
    private static byte[] Base58Decode(string text)
    {
        BigInteger value = 0;
        foreach (char c in text) value = value * 58 + Alphabet.IndexOf(c);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[35 - bytes.Length], .. bytes];
    }

    private static string Base58Encode(byte[] data)
    {
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new System.Text.StringBuilder();
        for (; value > 0; value /= 58) chars.Insert(0, Alphabet[(int)(value % 58)]);
        foreach (var b in data) { if (b != 0) break; chars.Insert(0, '1'); }
        return chars.ToString();
    }
}
