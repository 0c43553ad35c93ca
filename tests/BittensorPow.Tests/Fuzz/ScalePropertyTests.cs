using System.Numerics;
using BittensorPow.Subtensor.Scale;
using CsCheck;

namespace BittensorPow.Tests.Fuzz;

/// <summary>encode∘decode is the identity for SCALE's integers, compacts and vectors, over random values.</summary>
public sealed class ScalePropertyTests
{
    /// <summary>Compacts have four modes; values spread over bit lengths reach all of them, not just the largest.</summary>
    private static readonly Gen<BigInteger> CompactValues =
        Gen.Int[0, 536].SelectMany(bits => Gen.Byte.Array[(bits + 7) / 8].Select(bytes =>
            new BigInteger(bytes, isUnsigned: true) & ((BigInteger.One << bits) - 1)));

    [Fact]
    public void Compact_round_trips_in_every_mode() => CompactValues.Sample(value =>
    {
        var encoded = Compact.Encode(value);
        var r = new ScaleReader(encoded);
        Assert.Equal(value, r.CompactBig());
        Assert.True(r.AtEnd);
    }, iter: 2000);

    [Fact]
    public void Compact_u64_round_trips_through_the_writer() => Gen.ULong.Sample(value =>
    {
        var r = new ScaleReader(new ScaleWriter().Compact(value).ToArray());
        Assert.Equal(value, r.Compact());
        Assert.True(r.AtEnd);
    }, iter: 2000);

    [Fact]
    public void Fixed_width_integers_round_trip() => Gen.Select(Gen.UShort, Gen.UInt, Gen.ULong, Gen.Byte).Sample((a, b, c, d) =>
    {
        var bytes = new ScaleWriter().U16(a).U32(b).U64(c).U8(d).Bool(d % 2 == 0).ToArray();
        Assert.Equal(2 + 4 + 8 + 1 + 1, bytes.Length);
        var r = new ScaleReader(bytes);
        Assert.Equal(a, r.U16());
        Assert.Equal(b, r.U32());
        Assert.Equal(c, r.U64());
        Assert.Equal(d, r.U8());
        Assert.Equal(d % 2 == 0, r.Bool());
        Assert.True(r.AtEnd);
    }, iter: 1000);

    [Fact]
    public void Byte_vectors_and_strings_round_trip() => Gen.Select(Gen.Byte.Array[0, 300], Gen.String).Sample((bytes, text) =>
    {
        var r = new ScaleReader(new ScaleWriter().Bytes(bytes).Str(text).ToArray());
        Assert.Equal(bytes, r.Bytes());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)), r.Str());
        Assert.True(r.AtEnd);
    }, iter: 1000);

    [Fact]
    public void Vectors_of_compacts_round_trip() => Gen.ULong.Array[0, 100].Sample(values =>
    {
        var w = new ScaleWriter().Compact((ulong)values.Length);
        foreach (var v in values) w.Compact(v);
        var r = new ScaleReader(w.ToArray());
        int count = r.CompactLength();
        var back = new ulong[count];
        for (int i = 0; i < count; i++) back[i] = r.Compact();
        Assert.Equal(values, back);
        Assert.True(r.AtEnd);
    }, iter: 500);

    [Fact]
    public void A_length_beyond_the_input_is_rejected_before_anything_is_read()
        => Gen.Select(Gen.UInt[1, 1u << 30], Gen.Byte.Array[0, 64]).Sample((claimed, tail) =>
    {
        if (claimed <= tail.Length) return;
        var bytes = new ScaleWriter().Compact(claimed).Raw(tail).ToArray();
        Assert.Throws<ScaleFormatException>(() => new ScaleReader(bytes).CompactLength());
    }, iter: 1000);
}
