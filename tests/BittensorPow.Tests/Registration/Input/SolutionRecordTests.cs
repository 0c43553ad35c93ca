using System.Numerics;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Input;

namespace BittensorPow.Tests.Registration.Input;

/// <summary>
/// A solution read back from wherever it went: CSV gives every field as text, JSON gives Int64, BigInteger past
/// Int64.MaxValue, or Double; each field at fault is named, and nothing is rounded into a number.
/// </summary>
public sealed class SolutionRecordTests
{
    private static readonly string Hotkey = "0x" + new string('1', 64);
    private static readonly string Coldkey = "0x" + new string('2', 64);
    private static readonly string BlockHash = "0x" + new string('a', 64);

    private static SolutionRecord Record(Dictionary<string, object?> fields) => new(name => fields.GetValueOrDefault(name), fields);

    private static Dictionary<string, object?> Fields(object nonce, object difficulty) => new()
    {
        ["Nonce"] = nonce, ["BlockNumber"] = "1234", ["BlockHash"] = BlockHash, ["Difficulty"] = difficulty,
        ["Hotkey"] = Hotkey, ["SealByteOrder"] = "LittleEndian",
    };

    [Fact]
    public void Text_from_csv_and_numbers_from_json_read_alike()
    {
        ulong big = ulong.MaxValue - 5;   // past Int64: ConvertFrom-Json gives a BigInteger
        var fromCsv = Record(Fields(" 42 ", big.ToString())).Read(null);
        var fromJson = Record(Fields(42L, new BigInteger(big))).Read(null);
        var fromDouble = Record(Fields(42.0, 1e6)).Read(null);

        Assert.Equal((42UL, big, 1234UL), (fromCsv.Nonce, fromCsv.Difficulty.Value, fromCsv.BlockNumber));
        Assert.Equal((42UL, big), (fromJson.Nonce, fromJson.Difficulty.Value));
        Assert.Equal((42UL, 1_000_000UL), (fromDouble.Nonce, fromDouble.Difficulty.Value));
        Assert.Equal(SealScheme.Legacy, fromCsv.Scheme);
        Assert.Equal(new LegacyChallenge(1234, fromCsv.BlockHash.AsSpan(), fromCsv.Hotkey, SealByteOrder.LittleEndian).ComputeSeal(42),
            fromCsv.Seal);
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData("1.5")]
    [InlineData(1.5)]
    [InlineData(-1L)]
    [InlineData("18446744073709551616")]   // 2^64
    [InlineData(true)]
    public void A_nonce_that_is_not_a_whole_number_in_range_is_refused_naming_it(object nonce)
    {
        var e = Assert.Throws<PowException>(() => Record(Fields(nonce, "10")).Read(null));
        Assert.Equal(ErrorIds.MissingSolutionField, e.Error.Id);
        Assert.StartsWith($"The piped solution's Nonce '{nonce}' is not a whole number from 0 to {ulong.MaxValue}.", e.Error.Message);
    }

    [Fact]
    public void A_missing_field_is_named_and_a_missing_byte_order_can_come_from_the_parameter()
    {
        var fields = Fields("1", "10");
        fields.Remove("BlockNumber");
        var e = Assert.Throws<PowException>(() => Record(fields).Read(null));
        Assert.Equal(ErrorIds.MissingSolutionField, e.Error.Id);
        Assert.StartsWith("The piped object has no BlockNumber property;", e.Error.Message);
        Assert.Same(fields, e.Error.Target);

        var noOrder = Fields("1", "10");
        noOrder.Remove("SealByteOrder");
        Assert.Contains("or pass -SealByteOrder", Assert.Throws<PowException>(() => Record(noOrder).Read(null)).Error.Message);
        Assert.Equal(SealByteOrder.BigEndian, Record(noOrder).Read(SealByteOrder.BigEndian).ByteOrder);
    }

    [Fact]
    public void Enumerations_read_by_name_or_by_the_number_json_writes_and_an_unknown_one_is_refused()
    {
        var fields = Fields("1", "10");
        fields["SealByteOrder"] = "1";
        Assert.Equal((SealByteOrder)1, Record(fields).Read(null).ByteOrder);
        fields["SealByteOrder"] = "Middle";
        Assert.Equal(ErrorIds.InvalidSealByteOrder, Assert.Throws<PowException>(() => Record(fields).Read(null)).Error.Id);

        var powRegister = Fields("7", "10");
        powRegister.Remove("SealByteOrder");
        powRegister["Scheme"] = "powregisterv1";
        powRegister["NetUid"] = 3L;
        powRegister["Coldkey"] = Coldkey;
        var solution = Record(powRegister).Read(null);
        var challenge = Assert.IsType<PowRegisterChallenge>(solution.Challenge);
        Assert.Equal((SealScheme.PowRegisterV1, (ushort)3), (solution.Scheme, challenge.NetUid));
        Assert.Equal(Convert.FromHexString(Coldkey[2..]), challenge.Coldkey.ToArray());
        powRegister["Scheme"] = "9";
        Assert.Equal(ErrorIds.InvalidScheme, Assert.Throws<PowException>(() => Record(powRegister).Read(null)).Error.Id);
    }

    [Fact]
    public void A_field_far_longer_than_its_kind_is_refused_before_it_is_parsed()
    {
        var e = Assert.Throws<PowException>(() => Record(Fields(new string('9', 10_000), "10")).Read(null));
        Assert.Equal(ErrorIds.InputTooLong, e.Error.Id);
        Assert.Contains("10,000 characters long, and a number is at most 64", e.Error.Message);
    }
}
