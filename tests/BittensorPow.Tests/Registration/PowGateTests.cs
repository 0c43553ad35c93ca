using System.Diagnostics;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;

namespace BittensorPow.Tests.Registration;

/// <summary>-WaitForPow / -MaxDifficulty before registration by work (WorkflowNode: subnet 3 has PoW off; blocks on demand).</summary>
public class PowGateTests
{
    [Fact]
    public async Task Ctrl_C_ends_the_wait_within_a_second()
    {
        await using var node = await WorkflowNode.StartAsync();
        using var stop = new CancellationTokenSource();
        var output = new RecordingOutput
        {
            OnVerbose = m => { if (m.Contains("waiting for the subnet owner", StringComparison.Ordinal)) stop.CancelAfter(200); }
        };
        long cancelledAt = 0;
        using var _ = stop.Token.Register(() => Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp()));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            PowGate.Pass(node.Chain, new PowGateRequest(3, TimeSpan.FromSeconds(60)) { WaitForPow = true }, output, stop.Token));
        long endedAt = Stopwatch.GetTimestamp();
        // The token runs its callbacks one after another, the wait's own (registered later) first: the wait may end
        // before the line above has run, so the two moments are compared once both are known.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref cancelledAt) != 0, TimeSpan.FromSeconds(5)), "Ctrl+C never came");
        var afterStop = Stopwatch.GetElapsedTime(cancelledAt, endedAt);
        Assert.True(afterStop < TimeSpan.FromSeconds(1), $"ended {afterStop} after Ctrl+C");
        Assert.Contains(output.ProgressRecords, p => p.Status == $"waiting for the subnet owner to open PoW registration since block {node.Head}");
    }

    [Fact]
    public async Task Heads_while_closed_keep_it_waiting_and_the_first_open_head_lets_it_through()
    {
        await using var node = await WorkflowNode.StartAsync();
        var output = new RecordingOutput();
        ulong since = node.Head;
        var gate = Task.Run(() => PowGate.Pass(
            node.Chain, new PowGateRequest(3, TimeSpan.FromSeconds(30)) { WaitForPow = true }, output, CancellationToken.None));
        Assert.True(await output.WaitForAsync("waiting for the subnet owner", TimeSpan.FromSeconds(10)));
        node.Produce(3);
        await Task.Delay(300);
        Assert.False(gate.IsCompleted, "PoW is still off");
        node.Node.Chain.Mutate(s => BittensorPow.DevNode.Chain.GenesisBuilder.Set(s,
            BittensorPow.DevNode.Chain.StorageKeys.BySubnet("NetworkPowRegistrationAllowed", 3), [1]));
        node.Produce(1);
        await gate.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(output.Said($"Subnet 3: PoW registration is open at block {since + 4}"), string.Join("\n", output.VerboseLines));
    }

    [Fact]
    public async Task MaxDifficulty_without_waiting_refuses_a_harder_subnet_and_lets_an_easier_one_through()
    {
        await using var node = await WorkflowNode.StartAsync();
        var refused = Assert.Throws<PowException>(() =>
            PowGate.Pass(node.Chain, new PowGateRequest(1, TimeSpan.FromSeconds(10)) { MaxDifficulty = 9_999 },
                new RecordingOutput(), CancellationToken.None));
        Assert.Equal((ErrorIds.DifficultyAboveLimit, PowErrorCategory.LimitsExceeded), (refused.Error.Id, refused.Error.Category));
        PowGate.Pass(node.Chain, new PowGateRequest(1, TimeSpan.FromSeconds(10)) { MaxDifficulty = 10_000 },
            new RecordingOutput(), CancellationToken.None);
    }
}
