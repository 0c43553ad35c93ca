using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;
using System.Numerics;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Subtensor;

public class ScaleCodecTests
{
    public static TheoryData<string> CompactValues() => new(SubstrateVectors.GetProperty("compact").EnumerateObject().Select(p => p.Name));

    [Theory, MemberData(nameof(CompactValues))]
    public void Compact_encodes_and_decodes_every_vector(string value)
    {
        var expected = SubstrateVectors.GetProperty("compact").GetProperty(value).GetString()!;
        var n = BigInteger.Parse(value);
        Assert.Equal(expected, ChainHex.Encode(Compact.Encode(n)));
        var r = new ScaleReader(ChainHex.Decode(expected));
        Assert.Equal(n, r.CompactBig());
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Fixed_width_integers_are_little_endian_and_round_trip()
    {
        var bytes = new ScaleWriter().U8(0xfe).U16(0x0102).U32(0x01020304).U64(0x0102030405060708).ToArray();
        Assert.Equal("0xfe0201040302010807060504030201", ChainHex.Encode(bytes));
        var r = new ScaleReader(bytes);
        Assert.Equal(0xfe, r.U8());
        Assert.Equal(0x0102, r.U16());
        Assert.Equal(0x01020304u, r.U32());
        Assert.Equal(0x0102030405060708UL, r.U64());
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Bool_is_one_byte_and_rejects_other_values()
    {
        Assert.Equal(new byte[] { 1, 0 }, new ScaleWriter().Bool(true).Bool(false).ToArray());
        var r = new ScaleReader([1, 0, 2]);
        Assert.True(r.Bool());
        Assert.False(r.Bool());
        try { r.Bool(); Assert.Fail("0x02 is not a bool"); }
        catch (ScaleFormatException e) { Assert.Contains("0x02", e.Message); }
    }

    [Fact]
    public void Option_and_vec_have_their_prefixes()
    {
        Assert.Equal("0x00", ChainHex.Encode(new ScaleWriter().Option<ushort>(null, (w, v) => w.U16(v)).ToArray()));
        Assert.Equal("0x010700", ChainHex.Encode(new ScaleWriter().Option<ushort>(7, (w, v) => w.U16(v)).ToArray()));
        Assert.Equal("0x0c010203", ChainHex.Encode(new ScaleWriter().Bytes([1, 2, 3]).ToArray()));
        var r = new ScaleReader([0x0c, 1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, r.Bytes());
    }

    [Fact]
    public void Truncated_input_names_the_offset()
    {
        try { new ScaleReader([1, 2]).U32(); Assert.Fail("must throw"); }
        catch (ScaleFormatException e) { Assert.Contains("offset 0", e.Message); }
    }

    // The value decoder on real runtime types: enum (Option), sequence, AccountId32, tuple.
    [Fact]
    public void Metadata_types_decode_option_vec_enum_and_account_id()
    {
        var m = MetadataFiles.Get("raonet-spec218-v14.scale");
        var alice = Hex(PowVectors.GetProperty("keys").GetProperty("alice").GetProperty("publicKeyHex").GetString()!);

        var accountId = m.Types.FindByPath("sp_core::crypto::AccountId32")!;
        Assert.Equal(alice, ScaleValueDecoder.DecodeAll(m.Types, accountId.Id, alice).AsBytes());

        var uidsKey = m.Storage("SubtensorModule", "Uids").KeyTypeId!.Value;
        var key = (ScaleSequence)ScaleValueDecoder.DecodeAll(m.Types, uidsKey, [1, 0, .. alice]);
        Assert.Equal(1, key.Items[0].AsUInt16());
        Assert.Equal(alice, key.Items[1].AsBytes());

        // Option<T> is a variant type named Option in the registry; take one that wraps a fixed-width integer.
        var option = m.Types.All.First(t => t.Path is ["Option"] && t.Def is VariantDef v && v.ByName("Some")!.Fields.Count == 1
            && m.Types[v.ByName("Some")!.Fields[0].TypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U32 or PrimitiveKind.U64 });
        var inner = (PrimitiveDef)m.Types[((VariantDef)option.Def).ByName("Some")!.Fields[0].TypeId].Def;
        byte[] seven = inner.Kind == PrimitiveKind.U32 ? [1, 7, 0, 0, 0] : [1, 7, 0, 0, 0, 0, 0, 0, 0];
        Assert.Null(ScaleValueDecoder.DecodeAll(m.Types, option.Id, [0]).AsOption());
        Assert.Equal(7UL, ScaleValueDecoder.DecodeAll(m.Types, option.Id, seven).AsOption()!.AsUInt64());
        var bad = Assert.Throws<ScaleFormatException>(() => ScaleValueDecoder.DecodeAll(m.Types, option.Id, [2]));
        Assert.Contains("no variant with index 2", bad.Message);
        Assert.Contains("left after", Assert.Throws<ScaleFormatException>(() => ScaleValueDecoder.DecodeAll(m.Types, option.Id, [0, 0])).Message);
    }
}
