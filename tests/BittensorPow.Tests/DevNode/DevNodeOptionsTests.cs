using BittensorPow.DevNode;

namespace BittensorPow.Tests.DevNode;

public class DevNodeOptionsTests
{
    [Fact]
    public void ParsesSubnetsFlagsAndRegisteredHotkeys()
    {
        var o = DevNodeOptions.Parse(["--port", "0", "--block-ms", "250", "--subnet", "3:500:pow=off", "--subnet", "4:7:reg=off",
            "--registered", "3:5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "--spec-version", "300", "--padded-numbers"]);
        Assert.Equal(250, o.BlockMs);
        Assert.Equal([new SubnetSpec(3, 500, PowRegistrationAllowed: false), new SubnetSpec(4, 7, RegistrationAllowed: false)], o.Subnets);
        Assert.Equal((ushort)3, Assert.Single(o.Registered).NetUid);
        Assert.Equal(300u, o.SpecVersion);
        Assert.True(o.PaddedNumbers);
    }

    [Fact]
    public void TheLocalnetProfileIsTodaysChainAndExplicitOptionsOverrideItWhereverTheyStand()
    {
        var o = DevNodeOptions.Parse(["--block-ms", "0", "--profile", "localnet", "--no-pow-faucet"]);
        Assert.Equal("localnet", o.Profile);
        Assert.Equal(0, o.BlockMs);
        Assert.Equal(425u, o.SpecVersion);
        Assert.Equal("raonet-spec218-v14.scale", o.Metadata);
        Assert.True(o.RegisterLimit);
        Assert.False(o.PowFaucet);
        Assert.Equal(3, o.Endowed.Count);
        Assert.Equal(250, DevNodeOptions.Parse(["--profile", "localnet"]).BlockMs);
    }

    [Fact]
    public void ParsesRegisterLimitAndEndowments()
    {
        var o = DevNodeOptions.Parse(["--register-limit", "--endow", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty:42"]);
        Assert.True(o.RegisterLimit);
        Assert.True(o.PowFaucet);
        Assert.Null(o.Profile);
        Assert.Equal(42ul, Assert.Single(o.Endowed).Rao);
    }

    [Theory]
    [InlineData("--profile", "mainnet")]
    [InlineData("--endow", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty:lots")]
    [InlineData("--subnet", "1")]
    [InlineData("--subnet", "1:x")]
    [InlineData("--subnet", "1:5:pow=maybe")]
    [InlineData("--registered", "1:notanaddress")]
    [InlineData("--port", "70000")]
    [InlineData("--bogus", "1")]
    public void RejectsBadOptions(string name, string value)
        => Assert.ThrowsAny<FormatException>(() => DevNodeOptions.Parse([name, value]));
}
