using BittensorPow.Subtensor.Crypto;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Crypto;

public class MnemonicGeneratorTests
{
    // BIP-39's published English test vectors (trezor/python-mnemonic vectors.json), entropy → phrase.
    [Theory]
    [InlineData("00000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")]
    [InlineData("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow")]
    [InlineData("80808080808080808080808080808080", "letter advice cage absurd amount doctor acoustic avoid letter advice cage above")]
    [InlineData("ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong")]
    [InlineData("9e885d952ad362caeb4efe34a8e91bd2", "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
        + "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art")]
    [InlineData("8080808080808080808080808080808080808080808080808080808080808080",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid "
        + "letter advice cage absurd amount doctor acoustic bless")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote")]
    [InlineData("68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
        "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple "
        + "dilemma loan word shrug inflict delay length")]
    public void Entropy_gives_the_published_phrase_and_back(string entropyHex, string phrase)
    {
        var entropy = Convert.FromHexString(entropyHex);
        Assert.Equal(phrase, MnemonicGenerator.FromEntropy(entropy));
        Assert.Equal(entropy, SubstrateBip39.PhraseToEntropy(phrase));
    }

    [Fact]
    public void The_shared_vector_entropy_is_the_development_phrase()
    {
        var v = SubstrateVectors.GetProperty("substrate_bip39");
        Assert.Equal(v.GetProperty("phrase").GetString(), MnemonicGenerator.FromEntropy(Hex(v.GetProperty("entropy").GetString()!)));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    public void A_new_phrase_has_the_words_asked_for_a_valid_checksum_and_fresh_entropy(int words)
    {
        var phrases = Enumerable.Range(0, 8).Select(_ => MnemonicGenerator.Generate(words)).ToList();
        foreach (var p in phrases)
        {
            Assert.Equal(words, p.Split(' ').Length);
            Assert.Equal(words / 3 * 4, SubstrateBip39.PhraseToEntropy(p).Length); // throws on a bad checksum
        }
        Assert.Equal(phrases.Count, phrases.Distinct().Count());
        // Every word position takes many values: the entropy is not stuck (8 phrases of one word each would be 1 value).
        Assert.True(phrases.Select(p => p.Split(' ')[0]).Distinct().Count() > 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(25)]
    public void Word_counts_bip39_does_not_have_are_refused(int words) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MnemonicGenerator.Generate(words));
}
