using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.Subtensor;

/// <summary>The encoder is the decoder's inverse: real bytes decoded and re-encoded come back identical.</summary>
public class ScaleValueEncoderTests
{
    [Fact]
    public void RealSystemEventsFromTheTranscriptRoundTrip()
    {
        var metadata = MetadataFiles.Get("raonet-spec218-v14.scale");
        var entry = metadata.Storage("System", "Events");
        string key = "0x" + Convert.ToHexStringLower(BittensorPow.Subtensor.Storage.StorageKey.Prefix("System", "Events"));
        byte[] bytes = Convert.FromHexString(Transcript.StorageResult(key)[2..]);

        var value = ScaleValueDecoder.DecodeAll(metadata.Types, entry.ValueTypeId, bytes);

        Assert.Equal(7, ((ScaleSequence)value).Items.Count);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(ScaleValueEncoder.Encode(metadata.Types, entry.ValueTypeId, value)));
    }

    [Theory]
    [MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void EveryConstantAndStorageDefaultRoundTrips(string file)
    {
        var metadata = MetadataFiles.Get(file);
        int checkedValues = 0;
        foreach (var pallet in metadata.Pallets)
        {
            foreach (var (typeId, bytes, name) in pallet.Constants.Select(c => (c.TypeId, c.Value, c.Name))
                         .Concat(pallet.Storage.Where(s => s.Modifier == StorageModifier.Default).Select(s => (s.ValueTypeId, s.Default, s.Name))))
            {
                var value = ScaleValueDecoder.DecodeAll(metadata.Types, typeId, bytes);
                var again = ScaleValueEncoder.Encode(metadata.Types, typeId, value);
                Assert.True(bytes.AsSpan().SequenceEqual(again),
                    $"{pallet.Name}.{name}: {Convert.ToHexString(bytes)} came back as {Convert.ToHexString(again)}");
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 200, $"only {checkedValues} values were checked");
    }

    [Fact]
    public void RefusesValuesThatDoNotFitTheirType()
    {
        var types = MetadataFiles.Get("raonet-spec218-v14.scale").Types;
        int u16 = types.All.First(t => t.Def is PrimitiveDef { Kind: PrimitiveKind.U16 }).Id;
        Assert.Equal([0x34, 0x12], ScaleValueEncoder.Encode(types, u16, new ScaleNumber(0x1234)));
        Assert.Throws<ScaleFormatException>(() => ScaleValueEncoder.Encode(types, u16, new ScaleNumber(65536)));
        Assert.Throws<ScaleFormatException>(() => ScaleValueEncoder.Encode(types, u16, new ScaleNumber(-1)));
        Assert.Throws<ScaleFormatException>(() => ScaleValueEncoder.Encode(types, u16, new ScaleBool(true)));

        int accountId = types.FindByPath("sp_core::crypto::AccountId32")!.Id;
        Assert.Equal(new byte[32], ScaleValueEncoder.Encode(types, accountId, new ScaleBytes(new byte[32])));
        Assert.Throws<ScaleFormatException>(() => ScaleValueEncoder.Encode(types, accountId, new ScaleBytes(new byte[31])));
    }

    [Fact]
    public void RefusesAnUnknownVariant()
    {
        var metadata = MetadataFiles.Get("raonet-spec218-v14.scale");
        int phase = metadata.Types.FindByPath("frame_system::Phase")!.Id;
        Assert.Equal([0x01], ScaleValueEncoder.Encode(metadata.Types, phase, new ScaleVariant("Finalization", 0, [])));
        Assert.Throws<ScaleFormatException>(() => ScaleValueEncoder.Encode(metadata.Types, phase, new ScaleVariant("Nope", 0, [])));
    }
}
