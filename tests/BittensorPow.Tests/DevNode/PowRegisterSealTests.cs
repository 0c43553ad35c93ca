using System.Numerics;
using BittensorPow.DevNode.Execution;

namespace BittensorPow.Tests.DevNode;

/// <summary>The DevNode's own pow_register seal (SPEC §10) against the four published vectors and the rule's edges.</summary>
public class PowRegisterSealTests
{
    private static byte[] Fill(byte b) => Enumerable.Repeat(b, 32).ToArray();

    private static byte[] FirstByte(byte b)
    {
        var key = new byte[32];
        key[0] = b;
        return key;
    }

    public static TheoryData<byte[], byte[], ulong, string> Vectors => new()
    {
        { Fill(2), Fill(3), 0, "7cdaced691a70795a7656ad9b76ef2c16b961686a14a790bcb22eed6226ef103" },
        { Fill(2), Fill(3), 1, "c2291b632879447b6fe0785b0f25b5151c85a7e07df23a7860cf029e8a03f466" },
        { Fill(2), Fill(3), ulong.MaxValue, "69f1aef50783893195365b4fb62a4745085c31fee525a0984bc20301ab377aaf" },
        { FirstByte(0x0b), FirstByte(0x16), 7, "06eef1fff090c8a0c4fbbbd17093346c9a45b3208fb3ff62524474cf4ba2cbc1" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TheSealMatchesTheSpecVectors(byte[] hotkey, byte[] coldkey, ulong nonce, string expected)
        => Assert.Equal(expected, Convert.ToHexStringLower(PowRegisterSeal.Compute(1, Fill(1), hotkey, coldkey, nonce)));

    [Fact]
    public void ThePayloadIs131BytesInTheSpecsLayout()
    {
        byte[] payload = PowRegisterSeal.Payload(0x0201, Fill(0xaa), Fill(0xbb), Fill(0xcc), 0x0807060504030201);
        Assert.Equal(131, payload.Length);
        Assert.Equal("subtensor-pow-register-v1"u8.ToArray(), payload[..25]);
        Assert.Equal(new byte[] { 0x01, 0x02 }, payload[25..27]);
        Assert.Equal(Fill(0xaa), payload[27..59]);
        Assert.Equal(Fill(0xbb), payload[59..91]);
        Assert.Equal(Fill(0xcc), payload[91..123]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, payload[123..]);
    }

    [Fact]
    public void TheRuleReadsTheSealLittleEndianAndAcceptsExactlyUpToTheBound()
    {
        // U256 · D ≤ 2^256 − 1: with D = 2 the largest passing value is 2^255 − 1.
        var max = (BigInteger.One << 255) - 1;
        byte[] atBound = max.ToByteArray(isUnsigned: true, isBigEndian: false);
        Assert.True(PowRegisterSeal.MeetsDifficulty(atBound, 2));
        byte[] above = (max + 1).ToByteArray(isUnsigned: true, isBigEndian: false);
        Assert.False(PowRegisterSeal.MeetsDifficulty(above, 2));
        // Byte order: 0x80 in the LAST byte is the top bit little-endian (fails D = 2), the low bits big-endian.
        var seal = new byte[32];
        seal[31] = 0x80;
        Assert.False(PowRegisterSeal.MeetsDifficulty(seal, 2));
        Assert.True(PowRegisterSeal.MeetsDifficulty(seal.Reverse().ToArray(), 2));
        Assert.True(PowRegisterSeal.MeetsDifficulty(Fill(0xff), 1));
    }
}
