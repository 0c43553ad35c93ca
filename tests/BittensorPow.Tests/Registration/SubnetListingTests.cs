using BittensorPow.DevNode;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Tests.DevNode;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Registration;

/// <summary>Get-SubtensorSubnet's workflow against the DevNode: what it lists, and how few requests it takes.</summary>
public class SubnetListingTests
{
    /// <summary>Subnet u has difficulty 1000·u; PoW is off on every third, burn registration on every fourth.</summary>
    private static SubnetSpec Spec(ushort u) => new(u, 1000UL * u, PowRegistrationAllowed: u % 3 != 0, RegistrationAllowed: u % 4 == 0);

    private static async Task<(DevNodeServer Node, ChainSession Chain, CountingRpcClient Rpc)> StartAsync(int subnets)
    {
        var node = await DevNodeHarness.StartAsync(new DevNodeOptions
        {
            BlockMs = 0, Subnets = [.. Enumerable.Range(1, subnets).Select(u => Spec((ushort)u))],
            Registered = [new RegisteredHotkey(5, WorkflowNode.Alice.PublicKey), new RegisteredHotkey(5, WorkflowNode.Bob.PublicKey)],
        });
        var rpc = new CountingRpcClient(await DevNodeHarness.ConnectAsync(node));
        var client = await SubtensorClient.ConnectAsync(rpc);
        return (node, new ChainSession(client, node.Endpoint.ToString(), rpc), rpc);
    }

    private static SubnetListingReport Read(ChainSession chain, SubnetListingRequest request)
    {
        using var deadline = new CallDeadline(TimeSpan.FromSeconds(20), CancellationToken.None);
        return SubnetListing.Read(chain, request, deadline);
    }

    private static SubnetListingRequest All => new(NodeChoice.Default, TimeSpan.FromSeconds(20));

    private static async Task<int> RequestsToListAsync(int subnets)
    {
        var (node, chain, rpc) = await StartAsync(subnets);
        await using var _ = node;
        using var __ = chain;
        rpc.Reset();
        var report = Read(chain, All);
        Assert.Equal(subnets + 1, report.Subnets.Count); // and the root subnet, which every chain has
        Assert.Equal(1, rpc.Of("state_queryStorageAt"));
        Assert.Equal(1, rpc.Of("state_getKeysPaged"));
        return rpc.Total;
    }

    [Fact]
    public async Task Listing_64_subnets_takes_as_many_requests_as_listing_4()
    {
        int four = await RequestsToListAsync(4);
        int sixtyFour = await RequestsToListAsync(64);
        Assert.Equal(four, sixtyFour);
        Assert.True(sixtyFour <= 3, $"{sixtyFour} requests: the head, the keys and one batched read are all a listing needs.");
    }

    [Fact]
    public async Task Every_subnet_is_listed_in_netuid_order_with_the_values_the_chain_holds()
    {
        var (node, chain, _) = await StartAsync(64);
        await using var _n = node;
        using var _c = chain;
        var report = Read(chain, All);
        Assert.Equal(Enumerable.Range(0, 65).Select(u => (ushort)u), report.Subnets.Select(r => r.State.NetUid));
        foreach (var row in report.Subnets.Skip(1))
        {
            var spec = Spec(row.State.NetUid);
            Assert.Equal(spec.Difficulty, row.Difficulty);
            Assert.Equal(spec.PowRegistrationAllowed, row.State.PowRegistrationAllowed);
            Assert.Equal(spec.RegistrationAllowed, row.State.RegistrationAllowed);
            Assert.Equal((ushort?)(row.State.NetUid == 5 ? 2 : 0), row.State.SubnetworkN);
        }
        // The spec-218 runtime registers by work with register: the legacy seal, the stored difficulty.
        Assert.Equal(SealScheme.Legacy, report.Scheme);
        Assert.Equal(node.Chain.Head.Number, report.Header.Number);
    }

    [Fact]
    public async Task PowOpen_keeps_only_open_subnets_and_NetUid_only_those_asked_with_one_error_per_missing_one()
    {
        var (node, chain, rpc) = await StartAsync(12);
        await using var _n = node;
        using var _c = chain;
        var open = Read(chain, All with { PowOpenOnly = true });
        Assert.Equal(Enumerable.Range(1, 12).Where(u => u % 3 != 0).Select(u => (ushort)u), open.Subnets.Select(r => r.State.NetUid));

        rpc.Reset();
        var some = Read(chain, All with { NetUids = [9, 2, 40, 2] });
        Assert.Equal([2, 9], some.Subnets.Select(r => r.State.NetUid));
        var error = Assert.Single(some.Errors);
        Assert.Equal((ErrorIds.SubnetNotFound, PowErrorCategory.ObjectNotFound, (object)(ushort)40), (error.Id, error.Category, error.Target));
        Assert.Equal(0, rpc.Of("state_getKeysPaged")); // the subnets asked for are read directly
    }

    [Fact]
    public async Task The_estimate_is_the_difficulty_over_the_given_rate_or_one_measured_rate()
    {
        var (node, chain, _) = await StartAsync(3);
        await using var _n = node;
        using var _c = chain;
        var report = Read(chain, All with { NetUids = [1, 2] });
        var given = SubnetListing.Estimate(report, All with { HashRate = 500 }, new RecordingOutput(), CancellationToken.None);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], given.Subnets.Select(r => r.EstimatedSolveTime!.Value));
        Assert.Equal("given", given.HashRateSource);

        var output = new RecordingOutput();
        var measured = SubnetListing.Estimate(report, All with { Measure = new SolveRequest(PowBackend.Cpu, ThreadCount: 1), MeasureSeconds = 0.2 },
            output, CancellationToken.None);
        double rate = Assert.IsType<double>(measured.HashRate);
        Assert.True(rate > 0);
        Assert.Equal(report.Subnets.Select(r => SubnetRow.SolveTime(r.Difficulty, rate)), measured.Subnets.Select(r => r.EstimatedSolveTime!.Value));
        Assert.True(output.Said("Measured"), string.Join("\n", output.VerboseLines));
    }

    [Fact]
    public void A_difficulty_far_beyond_the_rate_saturates_instead_of_overflowing() =>
        Assert.Equal(TimeSpan.MaxValue, SubnetRow.SolveTime(ulong.MaxValue, 1));

    [Fact]
    public async Task The_subnet_list_pages_past_1000_keys()
    {
        var node = await DevNodeHarness.StartAsync(new DevNodeOptions
        {
            BlockMs = 0, Subnets = [.. Enumerable.Range(1, 1100).Select(u => new SubnetSpec((ushort)u, 10))]
        });
        await using var _n = node;
        var rpc = new CountingRpcClient(await DevNodeHarness.ConnectAsync(node));
        var client = await SubtensorClient.ConnectAsync(rpc);
        await using var _r = rpc;
        var head = await client.GetHeadAsync();
        var netUids = await client.Subtensor.NetUidsAsync(head.Hash);
        Assert.Equal(Enumerable.Range(0, 1101).Select(u => (ushort)u), netUids);
        Assert.Equal(2, rpc.Of("state_getKeysPaged"));
    }
}
