using System.Security.Cryptography;
using System.Text.Json;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Keys;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Crypto;

public class KeyDerivationTests
{
    private static JsonElement Keys => SubstrateVectors.GetProperty("sr25519_keys");
    private static JsonElement DevRoot => Keys.GetProperty("dev_root");
    private static JsonElement Prop(JsonElement e, string prefix) => e.EnumerateObject().Single(p => p.Name.StartsWith(prefix)).Value;
    private static byte[] HexOf(JsonElement e, string prefix) => Hex(Prop(e, prefix).GetString()!);

    [Fact]
    public void Bip39_word_list_is_the_standard_one()
    {
        using var stream = Bip39WordList.OpenResource();
        Assert.Equal("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda", Convert.ToHexStringLower(SHA256.HashData(stream)));
        Assert.Equal(2048, Bip39WordList.Words.Count);
    }

    [Fact]
    public void Phrase_gives_the_vector_entropy_and_mini_secret()
    {
        var v = SubstrateVectors.GetProperty("substrate_bip39");
        var phrase = v.GetProperty("phrase").GetString()!;
        Assert.Equal(Hex(v.GetProperty("entropy").GetString()!), SubstrateBip39.PhraseToEntropy(phrase));
        Assert.Equal(HexOf(v, "mini_secret"), SubstrateBip39.MiniSecretFromPhrase(phrase));
        Assert.Equal(SubstrateBip39.DevPhrase, phrase);
    }

    [Fact]
    public void Bad_checksum_and_unknown_words_are_rejected_without_echoing_the_phrase()
    {
        var words = SubstrateBip39.DevPhrase.Split(' ');
        (words[0], words[1]) = (words[1], words[0]);
        var swapped = Assert.Throws<FormatException>(() => SubstrateBip39.PhraseToEntropy(string.Join(' ', words)));
        Assert.Contains("checksum", swapped.Message);
        var unknown = Assert.Throws<FormatException>(() => SubstrateBip39.PhraseToEntropy(SubstrateBip39.DevPhrase.Replace("walk", "zzzzq")));
        Assert.DoesNotContain("zzzzq", unknown.Message);
        Assert.Contains("Word 12", unknown.Message);
    }

    [Fact]
    public void Mini_secret_expands_to_both_secret_forms_and_the_public_key()
    {
        using var pair = Sr25519KeyPair.FromMiniSecret(HexOf(DevRoot, "mini_secret"));
        Assert.Equal(HexOf(DevRoot, "secret64_schnorrkel"), pair.ExportSecret(Sr25519SecretFormat.Schnorrkel));
        Assert.Equal(HexOf(DevRoot, "secret64_polkadotjs"), pair.ExportSecret(Sr25519SecretFormat.Ed25519));
        Assert.Equal(HexOf(DevRoot, "public"), pair.PublicKey);
        Assert.Equal(Prop(DevRoot, "ss58_42").GetString(), pair.Ss58Address);
    }

    [Theory]
    [InlineData("secret64_schnorrkel", Sr25519SecretFormat.Schnorrkel)]
    [InlineData("secret64_polkadotjs", Sr25519SecretFormat.Ed25519)]
    public void Both_64_byte_forms_load_explicitly_and_by_matching_the_public_key(string key, Sr25519SecretFormat format)
    {
        var secret = HexOf(DevRoot, key);
        var pub = HexOf(DevRoot, "public");
        using var explicitForm = Sr25519KeyPair.FromSecretKey(secret, format);
        Assert.Equal(pub, explicitForm.PublicKey);
        using var detected = Sr25519KeyPair.FromSecretKey(secret, pub);
        Assert.Equal(pub, detected.PublicKey);
    }

    [Fact]
    public void A_secret_that_does_not_match_the_public_key_is_refused()
    {
        var secret = HexOf(DevRoot, "secret64_schnorrkel");
        var alicePub = HexOf(Prop(Keys, "//Alice"), "public");
        Assert.Throws<CryptographicException>(() => Sr25519KeyPair.FromSecretKey(secret, alicePub));
    }

    [Fact]
    public void Hard_derivation_gives_alice()
    {
        var alice = Prop(Keys, "//Alice");
        Assert.Equal(HexOf(alice, "chain_code"), SecretUri.ChainCode("Alice"));
        using var root = Sr25519KeyPair.FromMiniSecret(HexOf(DevRoot, "mini_secret"));
        using var derived = root.DeriveHard(HexOf(alice, "chain_code"));
        Assert.Equal(HexOf(alice, "secret64_polkadotjs"), derived.ExportSecret(Sr25519SecretFormat.Ed25519));
        Assert.Equal(HexOf(alice, "public"), derived.PublicKey);
        using var viaUri = Sr25519KeyPair.FromUri("//Alice");
        Assert.Equal(Prop(alice, "ss58_42").GetString(), viaUri.Ss58Address);
        using var bob = Sr25519KeyPair.FromUri("//Bob");
        Assert.Equal(HexOf(Keys, "//Bob public"), bob.PublicKey);
    }

    [Fact]
    public void Soft_derivation_of_public_and_secret_agree_with_the_vector()
    {
        var expected = HexOf(Keys, "/foo (soft)");
        Assert.Equal(expected, Sr25519.DeriveSoftPublic(HexOf(DevRoot, "public"), SecretUri.ChainCode("foo")));
        using var soft = Sr25519KeyPair.FromUri("/foo");
        Assert.Equal(expected, soft.PublicKey);
        Assert.True(Sr25519.Verify("m"u8, soft.Sign("m"u8), soft.PublicKey));
    }

    [Fact]
    public void Btwallet_test_phrase_and_its_derivations()
    {
        var v = Prop(Keys, "btwallet test");
        var phrase = Keys.EnumerateObject().Single(p => p.Name.StartsWith("btwallet test")).Name.Split('\'')[1];
        Assert.Equal(HexOf(v, "mini_secret"), SubstrateBip39.MiniSecretFromPhrase(phrase));
        using var pair = Sr25519KeyPair.FromUri(phrase);
        Assert.Equal(HexOf(v, "public"), pair.PublicKey);
        Assert.Equal(Prop(v, "ss58").GetString(), pair.Ss58Address);
        using var hard = Sr25519KeyPair.FromUri(phrase + "//Alice");
        Assert.Equal(Prop(v, "//Alice ss58").GetString(), hard.Ss58Address);
        using var soft = Sr25519KeyPair.FromUri(phrase + "/Alice");
        Assert.Equal(Prop(v, "/Alice ss58").GetString(), soft.Ss58Address);
    }

    [Fact]
    public void Numeric_junctions_encode_as_u64_and_long_ones_are_hashed()
    {
        var numeric = SecretUri.ChainCode("1");
        Assert.Equal(1, numeric[0]);
        Assert.All(numeric[1..], b => Assert.Equal(0, b));
        var longJunction = new string('x', 40);
        var scale = new BittensorPow.Subtensor.Scale.ScaleWriter().Str(longJunction).ToArray();
        Assert.Equal(BittensorPow.Subtensor.Hashing.SubstrateHash.Blake2b256(scale), SecretUri.ChainCode(longJunction));
    }

    [Fact]
    public void ToString_and_dispose_do_not_leak_the_secret()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(HexOf(DevRoot, "mini_secret"));
        var text = pair.ToString();
        Assert.Contains(Prop(DevRoot, "ss58_42").GetString()!, text);
        var secretHex = Convert.ToHexStringLower(HexOf(DevRoot, "secret64_schnorrkel"));
        Assert.DoesNotContain(secretHex[..16], text.ToLowerInvariant());
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.Sign("x"u8));
    }
}
