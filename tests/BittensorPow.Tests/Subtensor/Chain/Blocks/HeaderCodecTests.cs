using System.Text.Json;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Tests.Subtensor;

public class HeaderCodecTests
{
    // The transcript records each best header and, separately, the best block hash: our hash must equal the node's.
    [Fact]
    public void Computed_hashes_equal_the_recorded_block_hashes()
    {
        var headers = Transcript.Results("chain_getHeader");
        var hashes = Transcript.Results("chain_getBlockHash");
        Assert.Equal(2, headers.Count);
        Assert.Equal(headers.Count, hashes.Count);
        for (int i = 0; i < headers.Count; i++)
            Assert.Equal(hashes[i].GetString(), HeaderCodec.Parse(headers[i]).Hash.ToString());
    }

    [Fact]
    public void Header_by_hash_hashes_to_that_hash_and_children_point_to_parents()
    {
        var finalized = Transcript.Results("chain_getFinalizedHead")[0].GetString()!;
        var header = HeaderCodec.Parse(Transcript.Results("chain_getHeader", $"[\"{finalized}\"]")[0]);
        Assert.Equal(finalized, header.Hash.ToString());

        var next = HeaderCodec.Parse(Transcript.Results("chain_getHeader")[1]);
        Assert.Equal(header.Hash.ToString(), next.ParentHash.ToString());
        Assert.Equal(header.Number + 1, next.Number);

        var pushed = HeaderCodec.Parse(Transcript.Notifications("chain_newHead").Single());
        Assert.Equal(next.Hash.ToString(), pushed.ParentHash.ToString());
        Assert.Equal(next.Number + 1, pushed.Number);
    }

    [Fact]
    public void Minimal_and_zero_padded_numbers_give_the_same_header()
    {
        var recorded = HeaderCodec.Parse(Transcript.Results("chain_getHeader")[0]);
        var padded = HeaderCodec.ToJson(recorded, zeroPaddedNumber: true);
        var minimal = HeaderCodec.ToJson(recorded);
        Assert.Equal($"0x{recorded.Number:x}", minimal["number"]!.GetValue<string>());
        Assert.Equal(recorded.Hash.ToString(), HeaderCodec.Parse(JsonSerializer.SerializeToElement(padded)).Hash.ToString());
        Assert.Equal(recorded.Hash.ToString(), HeaderCodec.Parse(JsonSerializer.SerializeToElement(minimal)).Hash.ToString());
    }

    [Fact]
    public void Encoding_is_parent_compact_number_roots_and_logs()
    {
        var h = HeaderCodec.Parse(Transcript.Results("chain_getHeader")[0]);
        var bytes = HeaderCodec.Encode(h.ParentHash.AsSpan(), h.Number, h.StateRoot, h.ExtrinsicsRoot, h.DigestLogs);
        Assert.Equal(h.ParentHash.ToArray(), bytes[..32]);
        Assert.Equal((byte)(h.Number << 2), bytes[32]); // single-byte compact for a small number
        Assert.Equal(32 + 1 + 64 + 1 + h.DigestLogs.Sum(l => l.Length), bytes.Length);
    }

    [Theory]
    [InlineData("{\"number\":\"0x1\"}")]
    [InlineData("{\"parentHash\":\"0x12\",\"number\":\"0x1\",\"stateRoot\":\"0x12\",\"extrinsicsRoot\":\"0x12\",\"digest\":{\"logs\":[]}}")]
    [InlineData("[]")]
    public void Broken_headers_are_chain_reply_errors(string json)
    {
        Assert.Throws<ChainReplyException>(() => HeaderCodec.Parse(JsonDocument.Parse(json).RootElement));
    }

    [Theory]
    [InlineData("0x3", 3UL)]
    [InlineData("0x00000003", 3UL)]
    [InlineData("0x8ce87b", 9234555UL)]
    public void Quantities_accept_minimal_and_padded_hex(string hex, ulong value) => Assert.Equal(value, Hex.ParseQuantity(hex));
}
