using System.Collections;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Spread;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>What each host is told: the common solving parameters, the target named in New-PowSolution's terms, its own, its range.</summary>
public sealed class SpreadPlanTests
{
    private static readonly byte[] Hotkey = WorkflowNode.Alice.PublicKey;
    private static readonly byte[] Coldkey = WorkflowNode.Bob.PublicKey;
    private static readonly byte[] Block = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly FakeHost[] Hosts = [new("rig1", HostScripts.Searches()), new("rig2:2222", HostScripts.Searches())];

    private static SpreadTarget Target(Challenge challenge) => SpreadTarget.Offline(new BlockTemplate(challenge, new Difficulty(5_000)), "given");

    [Fact]
    public void The_legacy_seal_is_named_by_block_difficulty_hotkey_and_byte_order()
    {
        var p = new SpreadPlan(Hosts).ParametersOf(0, Target(new LegacyChallenge(9, Block, Hotkey, SealByteOrder.BigEndian)), 5, 10);

        Assert.Equal(new Dictionary<string, object?>
        {
            ["BlockHash"] = Hex.Encode(Block), ["BlockNumber"] = 9UL, ["Difficulty"] = 5_000UL, ["Hotkey"] = Hex.Encode(Hotkey),
            ["SealByteOrder"] = "BigEndian", ["NonceStart"] = 5UL, ["NonceCount"] = 10UL,
        }, p);
    }

    [Fact]
    public void The_pow_register_seal_is_named_by_its_scheme_subnet_and_coldkey_and_no_byte_order()
    {
        var p = new SpreadPlan(Hosts).ParametersOf(1, Target(new PowRegisterChallenge(3, 9, Block, Hotkey, Coldkey)), 5, null);

        Assert.Equal(new Dictionary<string, object?>
        {
            ["BlockHash"] = Hex.Encode(Block), ["BlockNumber"] = 9UL, ["Difficulty"] = 5_000UL, ["Hotkey"] = Hex.Encode(Hotkey),
            ["Scheme"] = "PowRegisterV1", ["NetUid"] = (ushort)3, ["Coldkey"] = Hex.Encode(Coldkey), ["NonceStart"] = 5UL,
        }, p);
    }

    [Fact]
    public void A_hosts_own_back_end_replaces_the_common_choice_whole_and_its_own_knobs_win()
    {
        var own = new Dictionary<string, object?> { ["rig2"] = new Hashtable { ["Cuda"] = true, ["ThreadCount"] = 2 } };
        var solving = new Dictionary<string, object?> { ["Backend"] = "CpuScalar", ["ThreadCount"] = 1, ["TimeoutSec"] = 9.0 };
        var plan = new SpreadPlan(Hosts, own) { Solving = solving };
        var target = Target(new LegacyChallenge(9, Block, Hotkey, SealByteOrder.LittleEndian));

        var rig1 = plan.ParametersOf(0, target, 0, 1);
        var rig2 = plan.ParametersOf(1, target, 1, 1);
        Assert.Equal(("CpuScalar", 1, 9.0), (rig1["Backend"], rig1["ThreadCount"], rig1["TimeoutSec"]));
        Assert.False(rig2.ContainsKey("Backend"));
        Assert.Equal((true, 2, 9.0), (rig2["Cuda"], rig2["ThreadCount"], rig2["TimeoutSec"]));
    }

    public static TheoryData<string, object?, string> Refused => new()
    {
        { "rig9", new Hashtable { ["Cuda"] = true }, "names host 'rig9', which is not one of this search's hosts (rig1, rig2:2222)" },
        { "rig1", "Cuda", "-HostParameters['rig1'] must be a hashtable" },
        { "rig1", new Hashtable { ["NonceStart"] = 5 }, "cannot set NonceStart for a host" },
        { "rig1", new Hashtable { ["coldkey"] = "0x00" }, "cannot set coldkey for a host" },
        { "rig1", new Hashtable { ["Scheme"] = "Legacy" }, "cannot set Scheme for a host" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Host_parameters_that_cannot_apply_are_InvalidHostParameters_before_any_work(string host, object? value, string message)
    {
        var ex = Assert.Throws<PowException>(() => new SpreadPlan(Hosts, new Dictionary<string, object?> { [host] = value }));
        Assert.Equal(ErrorIds.InvalidHostParameters, ex.Error.Id);
        Assert.Equal(PowErrorScope.Pipeline, ex.Error.Scope);
        Assert.Contains(message, ex.Error.Message, StringComparison.Ordinal);
        Assert.All(Hosts, h => Assert.Empty(h.Searches));
    }

    [Fact]
    public void No_host_is_AllHostsFailed_before_any_work()
    {
        var ex = Assert.Throws<PowException>(() => new SpreadPlan([]));
        Assert.Equal((ErrorIds.AllHostsFailed, "No host was given."), (ex.Error.Id, ex.Error.Message));
    }

    [Fact]
    public void A_report_survives_its_fields_and_a_field_missing_or_not_a_number_is_no_report()
    {
        var report = new SolveReport
        {
            NonceStart = ulong.MaxValue, NonceCount = null, NoncesTried = 12_345, HashRate = 1.5e6, BlockNumber = 77, BlocksSeen = 3,
            ElapsedSeconds = 2.5,
        };
        Assert.Equal(report, SolveReport.Read(report.ToFields()));
        var partial = report.ToFields();
        partial.Remove("NoncesTried");
        Assert.Null(SolveReport.Read(partial));
        var garbled = report.ToFields();
        garbled["HashRate"] = "fast";
        Assert.Null(SolveReport.Read(garbled));
    }

    [Fact]
    public void A_report_carries_the_hosts_difficulty_and_one_from_an_older_host_without_it_still_reads()
    {
        var report = new SolveReport
        {
            NonceStart = 5, NoncesTried = 10, HashRate = 2e6, BlockNumber = 9, BlocksSeen = 1, ElapsedSeconds = 1, Difficulty = 8_000_000,
        };
        Assert.Equal(8_000_000UL, SolveReport.Read(report.ToFields())!.Difficulty);
        var older = report.ToFields();
        older.Remove("Difficulty");
        Assert.Equal(report with { Difficulty = null }, SolveReport.Read(older));
    }
}
