using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.Extrinsics.ExtrinsicVectors;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Extrinsics;

public class EraTests
{
    public static TheoryData<string> MortalVectors() =>
        new(Offline.EnumerateObject().Where(p => p.Name.StartsWith("era current=")).Select(p => p.Name));

    [Theory, MemberData(nameof(MortalVectors))]
    public void Mortal_eras_match_polkadotjs(string name)
    {
        var v = Offline.GetProperty(name);
        ulong current = ulong.Parse(Group(name, @"current=(\d+)"));
        ulong period = ulong.Parse(Group(name, @"period=(\d+)"));
        var era = Era.Mortal(period, current);
        Assert.Equal(v.GetProperty("period").GetUInt64(), era.Period);
        Assert.Equal(v.GetProperty("phase").GetUInt64(), era.Phase);
        Assert.Equal(Hex(v.GetProperty("encoded").GetString()!), era.Encode());
        Assert.Equal(ulong.Parse(v.GetProperty("birth").GetString()!), era.Birth(current));
        Assert.Equal(ulong.Parse(v.GetProperty("death").GetString()!), era.Death(current));
        var reader = new ScaleReader(era.Encode());
        Assert.Equal(era, Era.Read(ref reader));
    }

    [Fact]
    public void Immortal_matches_and_round_trips()
    {
        Assert.Equal(HexEntry(Offline, "era immortal"), Era.Immortal.Encode());
        var reader = new ScaleReader(Era.Immortal.Encode());
        Assert.True(Era.Read(ref reader).IsImmortal);
    }

    [Theory]
    [InlineData(0UL, 4UL)]
    [InlineData(3UL, 4UL)]
    [InlineData(65UL, 128UL)]
    [InlineData(100_000UL, 65536UL)]
    [InlineData(ulong.MaxValue, 65536UL)]
    public void Period_rounds_up_to_a_power_of_two_within_bounds(ulong requested, ulong expected)
    {
        Assert.Equal(expected, Era.Mortal(requested, 123_456).Period);
    }

    [Fact]
    public void Long_periods_quantize_the_phase_and_still_round_trip()
    {
        var era = Era.Mortal(65536, 1_000_003);
        Assert.Equal(0UL, era.Phase % 16);
        var reader = new ScaleReader(era.Encode());
        Assert.Equal(era, Era.Read(ref reader));
        Assert.True(era.Birth(1_000_003) <= 1_000_003);
        Assert.True(era.Death(1_000_003) > 1_000_003);
    }

    [Fact]
    public void Invalid_encodings_are_rejected()
    {
        // Period 2 (low nibble 0) is below the minimum of 4.
        Assert.Throws<ScaleFormatException>(() => { var r = new ScaleReader([0x00 | 0x10, 0x00]); Era.Read(ref r); });
    }
}
