using System.Buffers.Binary;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends.Cpu;

namespace BittensorPow.Tests.Engine.Cpu;

/// <summary>The layout facts <see cref="PowRegisterMidstate"/> relies on, checked against the payload itself.</summary>
public sealed class PowRegisterMidstateTests
{
    private static readonly PowRegisterChallenge Challenge = PowRegisterKernelChecks.Challenge(0);

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xFFFFFFUL)]
    [InlineData(0x123456_0000000001UL)]
    [InlineData(ulong.MaxValue)]
    public void Word0_is_payload_bytes_128_to_130_and_the_padding_byte(ulong position)
    {
        var payload = new byte[PowRegisterSeal.PayloadLength + 1];
        PowRegisterSeal.Payload(Challenge.Prefix, Challenge.NonceAt(position), payload);
        payload[131] = 0x80; // SHA-256's padding starts right after the 131 bytes
        uint offset = (uint)position & PowRegisterMidstate.OffsetMask;
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(128)), PowRegisterMidstate.Word0(offset));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData((1UL << 24) - 1, 0UL)]
    [InlineData(1UL << 24, 1UL)]
    [InlineData(ulong.MaxValue, (1UL << 40) - 1)]
    public void The_span_is_nonce_bytes_0_to_4(ulong position, ulong span)
    {
        Assert.Equal(span, PowRegisterMidstate.SpanOf(position));
        Assert.Equal(span, Challenge.NonceAt(position) & ((1UL << 40) - 1));
    }

    [Fact]
    public void A_span_past_2_pow_40_is_refused()
    {
        var midstate = new PowRegisterMidstate(Challenge, new Difficulty(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => midstate.EnterSpan(1UL << 40));
    }

    [Fact]
    public void Entering_a_span_again_keeps_its_values_and_another_span_changes_them()
    {
        var midstate = new PowRegisterMidstate(Challenge, new Difficulty(1));
        midstate.EnterSpan(5);
        var state = midstate.SpanState.ToArray();
        var folded = (midstate.Round0A, midstate.Round0E, midstate.Round1H);
        midstate.EnterSpan(6);
        Assert.NotEqual(state, midstate.SpanState);
        midstate.EnterSpan(5);
        Assert.Equal(state, midstate.SpanState);
        Assert.Equal(folded, (midstate.Round0A, midstate.Round0E, midstate.Round1H));
        Assert.Equal(5UL, midstate.CurrentSpan);
    }
}
