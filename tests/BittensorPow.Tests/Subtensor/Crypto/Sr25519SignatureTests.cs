using System.Text;
using System.Text.Json;
using BittensorPow.Subtensor.Crypto;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Crypto;

public class Sr25519SignatureTests
{
    public static TheoryData<int> KnownGood() => new(Enumerable.Range(0, SubstrateVectors.GetProperty("sr25519_verify_known_good").GetArrayLength()));

    private static JsonElement Deterministic => SubstrateVectors.EnumerateObject().Single(p => p.Name.StartsWith("sr25519_deterministic_sign")).Value;
    public static TheoryData<int> DeterministicCases() => new(Enumerable.Range(0, Deterministic.GetArrayLength()));

    [Theory, MemberData(nameof(KnownGood))]
    public void Verifies_known_good_signatures(int i)
    {
        var v = SubstrateVectors.GetProperty("sr25519_verify_known_good")[i];
        var message = Encoding.UTF8.GetBytes(v.GetProperty("message_utf8").GetString()!);
        var sig = Hex(v.GetProperty("signature").GetString()!);
        var pub = Hex(v.GetProperty("public").GetString()!);
        Assert.True(Sr25519.Verify(message, sig, pub));
    }

    [Theory, MemberData(nameof(KnownGood))]
    public void Rejects_tampered_message_signature_and_key(int i)
    {
        var v = SubstrateVectors.GetProperty("sr25519_verify_known_good")[i];
        var message = Encoding.UTF8.GetBytes(v.GetProperty("message_utf8").GetString()!);
        var sig = Hex(v.GetProperty("signature").GetString()!);
        var pub = Hex(v.GetProperty("public").GetString()!);

        var badMessage = (byte[])message.Clone(); badMessage[0] ^= 1;
        Assert.False(Sr25519.Verify(badMessage, sig, pub));
        var badR = (byte[])sig.Clone(); badR[5] ^= 1;
        Assert.False(Sr25519.Verify(message, badR, pub));
        var badS = (byte[])sig.Clone(); badS[40] ^= 1;
        Assert.False(Sr25519.Verify(message, badS, pub));
        var unmarked = (byte[])sig.Clone(); unmarked[63] &= 0x7f;
        Assert.False(Sr25519.Verify(message, unmarked, pub));
        var badKey = (byte[])pub.Clone(); badKey[3] ^= 1;
        Assert.False(Sr25519.Verify(message, sig, badKey));
        Assert.False(Sr25519.Verify(message, sig[..63], pub));
    }

    [Theory, MemberData(nameof(DeterministicCases))]
    public void Fixed_randomness_signatures_are_byte_exact(int i)
    {
        var v = Deterministic[i];
        var keys = SubstrateVectors.GetProperty("sr25519_keys");
        // "//Alice above" / "dev_root above" name an entry of sr25519_keys.
        var keyName = v.GetProperty("secret64_polkadotjs_form").GetString()!.Replace(" above", "");
        var entry = keys.EnumerateObject().Single(p => p.Name.StartsWith(keyName)).Value;
        var secret = Hex(entry.EnumerateObject().Single(p => p.Name.StartsWith("secret64_polkadotjs")).Value.GetString()!);
        using var pair = Sr25519KeyPair.FromSecretKey(secret, Sr25519SecretFormat.Ed25519);
        var message = Encoding.UTF8.GetBytes(v.GetProperty("message_utf8").GetString()!);
        var signature = pair.Sign(message, Hex(v.GetProperty("random32").GetString()!));
        Assert.Equal(Hex(v.GetProperty("signature").GetString()!), signature);
        Assert.True(Sr25519.Verify(message, signature, pair.PublicKey));
    }

    [Fact]
    public void Random_signatures_round_trip_and_differ()
    {
        using var pair = Sr25519KeyPair.FromUri("//Alice");
        var a = pair.Sign("hello"u8);
        var b = pair.Sign("hello"u8);
        Assert.NotEqual(a, b);
        Assert.True(Sr25519.Verify("hello"u8, a, pair.PublicKey));
        Assert.True(Sr25519.Verify("hello"u8, b, pair.PublicKey));
        Assert.False(Sr25519.Verify("hellp"u8, a, pair.PublicKey));
        using var bob = Sr25519KeyPair.FromUri("//Bob");
        Assert.False(Sr25519.Verify("hello"u8, a, bob.PublicKey));
    }

    [Fact]
    public void Non_canonical_public_key_encodings_are_rejected()
    {
        using var pair = Sr25519KeyPair.FromUri("//Alice");
        var sig = pair.Sign("x"u8);
        // p itself (2^255 - 19) is a non-canonical encoding of zero; the all-ones value is above p.
        var p = Enumerable.Repeat((byte)0xff, 32).ToArray(); p[0] = 0xed; p[31] = 0x7f;
        Assert.False(Sr25519.Verify("x"u8, sig, p));
        Assert.False(Sr25519.Verify("x"u8, sig, Enumerable.Repeat((byte)0xff, 32).ToArray()));
    }
}
