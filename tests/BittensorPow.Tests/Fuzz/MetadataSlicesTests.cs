using BittensorPow.Fuzz.Targets;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.Tests.Fuzz;

/// <summary>
/// The small metadata seeds must be metadata the decoder accepts, in the version of the blob they were cut from, with
/// the pallet's own types present; otherwise AFL would start from inputs that stop at the first check.
/// </summary>
public sealed class MetadataSlicesTests
{
    public static TheoryData<string> Blobs() =>
        new(Directory.GetFiles(BittensorPow.Fuzz.SharedData.PathOf("metadata"), "*.scale").Order().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Blobs))]
    public void Slices_are_small_valid_one_pallet_metadata_of_the_same_runtime(string file)
    {
        var blob = File.ReadAllBytes(BittensorPow.Fuzz.SharedData.PathOf("metadata", file));
        var real = MetadataDecoder.Decode(blob);
        var slices = MetadataSlices.Of(blob, 4).ToList();

        Assert.Equal(4, slices.Count);
        foreach (var slice in slices)
        {
            Assert.InRange(slice.Length, 1, MetadataSlices.MaxBytes);
            var small = MetadataDecoder.Decode(slice);
            Assert.Equal(real.Version, small.Version);
            var pallet = Assert.Single(small.Pallets);
            var original = real.Pallet(pallet.Name);
            Assert.Equal(original.Index, pallet.Index);
            Assert.Equal(real.SignedExtensions, small.SignedExtensions);
            // Every constant decodes through the kept types exactly as through the whole registry.
            foreach (var c in pallet.Constants)
                Assert.Equal(real.DecodeConstant(pallet.Name, c.Name).ToString(), small.DecodeConstant(pallet.Name, c.Name).ToString());
            foreach (var s in pallet.Storage)
                Assert.Equal(real.Types.Describe(s.ValueTypeId), small.Types.Describe(s.ValueTypeId));
            Assert.True(small.Types.Count < real.Types.Count);
        }
    }
}
