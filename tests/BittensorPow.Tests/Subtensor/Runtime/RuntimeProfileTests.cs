using BittensorPow.Subtensor.Runtime;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Subtensor;

public class RuntimeProfileTests
{
    // SPEC §2 table boundaries.
    [Theory]
    [InlineData(165u, SealRule.BigEndian, true)]
    [InlineData(271u, SealRule.BigEndian, true)]
    [InlineData(272u, SealRule.LittleEndian, true)]
    [InlineData(396u, SealRule.LittleEndian, true)]
    [InlineData(397u, SealRule.LittleEndian, false)]
    public void Seal_rule_and_burning_register_by_spec_version(uint spec, SealRule rule, bool verifiesWork)
    {
        Assert.Equal(rule, RuntimeProfile.SealRuleFor(spec));
        Assert.Equal(verifiesWork, RuntimeProfile.RegisterVerifiesWorkFor(spec));
    }

    [Fact]
    public void Real_finney_runtime_version_reply_parses()
    {
        var reply = SharedFiles.Json("rpc", "real-node-replies.json").GetProperty("finney_state_getRuntimeVersion_spec475_block9234811");
        var v = RuntimeVersion.FromJson(reply);
        Assert.Equal(reply.GetProperty("specName").GetString(), v.SpecName);
        Assert.Equal(reply.GetProperty("specVersion").GetUInt32(), v.SpecVersion);
        Assert.Equal(reply.GetProperty("transactionVersion").GetUInt32(), v.TransactionVersion);
        Assert.Equal(2u, v.ApiVersion(RuntimeVersion.MetadataApiId));
        Assert.False(RuntimeProfile.RegisterVerifiesWorkFor(v.SpecVersion));
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Profile_combines_version_and_metadata(string file)
    {
        var m = MetadataFiles.Get(file);
        var spec = MetadataFiles.SpecOf(file);
        var version = new RuntimeVersion("node-subtensor", "node-subtensor", spec, 1, 1, new Dictionary<string, uint>());
        var p = RuntimeProfile.Create(version, m);
        Assert.Equal(spec <= 271 ? SealRule.BigEndian : SealRule.LittleEndian, p.SealRule);
        Assert.Equal(m.TryGetCall("SubtensorModule", "faucet") is not null, p.HasFaucet);
        Assert.Equal(m.HasCheckMetadataHash, p.HasCheckMetadataHash);
        Assert.False(p.HasRegisterLimit);   // no recorded file lists it (the DevNode's localnet profile patches it in)
        Assert.Equal(m.Version, p.MetadataVersion);
    }

    [Fact]
    public void A_reply_that_is_not_a_runtime_version_is_a_clear_error()
    {
        var e = Assert.Throws<BittensorPow.Subtensor.Chain.ChainReplyException>(() =>
            RuntimeVersion.FromJson(System.Text.Json.JsonDocument.Parse("{\"specName\":\"x\"}").RootElement));
        Assert.Contains("state_getRuntimeVersion", e.Message);
    }
}
