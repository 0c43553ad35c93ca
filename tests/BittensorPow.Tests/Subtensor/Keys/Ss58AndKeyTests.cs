using BittensorPow.Subtensor.Keys;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine;

public class Ss58AndKeyTests
{
    public static TheoryData<string> KeyNames() => new(PowVectors.GetProperty("keys").EnumerateObject().Select(p => p.Name));

    [Theory, MemberData(nameof(KeyNames))]
    public void Ss58_round_trips_the_shared_keys(string name)
    {
        var k = PowVectors.GetProperty("keys").GetProperty(name);
        var pub = Hex(k.GetProperty("publicKeyHex").GetString()!);
        Assert.Equal(k.GetProperty("ss58_42").GetString(), Ss58.Encode(pub));
        Assert.Equal(pub, Ss58.Decode(k.GetProperty("ss58_42").GetString()!));
    }

    [Fact]
    public void Bad_checksum_is_rejected()
    {
        var alice = PowVectors.GetProperty("keys").GetProperty("alice").GetProperty("ss58_42").GetString()!;
        var tampered = alice[..^1] + (alice[^1] == 'Y' ? 'Z' : 'Y');
        Assert.False(Ss58.TryDecode(tampered, 42, out _, out var error));
        Assert.Contains("checksum", error);
    }

    [Fact]
    public void Wrong_prefix_is_rejected()
    {
        var pub = Hex(PowVectors.GetProperty("keys").GetProperty("alice").GetProperty("publicKeyHex").GetString()!);
        Assert.False(Ss58.TryDecode(Ss58.Encode(pub, 0), 42, out _, out var error));
        Assert.Contains("prefix", error);
    }

    [Theory]
    [InlineData("0x1234", "32 bytes")]
    [InlineData("0xzz", "not valid hex")]
    public void Hex_keys_must_be_32_bytes(string text, string expected)
    {
        Assert.False(AccountId.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }
}
