using BittensorPow.DevNode.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// RegistrationsThisInterval against 3 × TargetRegistrationsPerInterval, checked before solving with the pallet's error
/// name, and in agreement with the DevNode's pallet, which refuses the same registration with the same name.
/// </summary>
public sealed class RegistrationIntervalTests
{
    private static RegisterRequest Request(Solution? solution = null, bool skipValidation = false) =>
        new(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, WorkflowNode.Cpu) { Solution = solution, SkipValidation = skipValidation };

    /// <summary>Sets subnet 1's count of registrations this interval to the chain's limit plus <paramref name="offset"/>.</summary>
    private static async Task<int> FillAsync(WorkflowNode n, int offset)
    {
        var subnet = await n.Chain.Client.GetSubnetInfoAsync(1);
        int limit = 3 * subnet.TargetRegistrationsPerInterval;
        var count = new ScaleWriter().U16(checked((ushort)(limit + offset))).ToArray();
        n.Node.Chain.Mutate(s => GenesisBuilder.Set(s, StorageKeys.BySubnet("RegistrationsThisInterval", 1), count));
        return limit;
    }

    [Fact]
    public async Task A_full_interval_is_refused_before_any_work_with_the_pallets_error_name()
    {
        await using var n = await WorkflowNode.StartAsync();
        int limit = await FillAsync(n, 0);
        Assert.True(limit > 0, "the runtime's default target leaves room, so the refusal below is the count's doing");

        var output = new RecordingOutput();
        var ex = Assert.Throws<PowException>(() => RegisterWorkflow.Run(n.Chain, Request(), output, CancellationToken.None).ToList());

        Assert.Equal(RegistrationInterval.PalletError, ex.Error.Id);
        Assert.Equal(PowErrorCategory.LimitsExceeded, ex.Error.Category);
        Assert.Contains($"has taken {limit} registrations this interval; the chain takes at most {limit}", ex.Error.Message);
        Assert.Contains("(pallet: \"", ex.Error.Message);
        Assert.Equal(0, output.ProgressCount);
        Assert.False(output.Said("Nonces start"), "nothing was solved");
        // New-PowSolution -NetUid says the same before solving.
        var solving = Assert.Throws<PowException>(() =>
            OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, WorkflowNode.Alice.PublicKey, WorkflowNode.Cpu),
                new RecordingOutput(), CancellationToken.None));
        Assert.Equal(RegistrationInterval.PalletError, solving.Error.Id);
    }

    [Fact]
    public async Task One_below_the_limit_solves_and_registers()
    {
        await using var n = await WorkflowNode.StartAsync();
        await FillAsync(n, -1);
        var o = Assert.Single(RegisterWorkflow.Run(n.Chain, Request(), new RecordingOutput(), CancellationToken.None));
        Assert.Equal(OutcomeStatus.Registered, o.Status);
    }

    [Fact]
    public async Task The_DevNodes_pallet_refuses_a_full_interval_with_the_same_name()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, WorkflowNode.Alice.PublicKey, WorkflowNode.Cpu),
            new RecordingOutput(), CancellationToken.None)!;
        await FillAsync(n, 0);

        // Checked here: refused before signing.
        var refused = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Request(solution), new RecordingOutput(), CancellationToken.None).ToList());
        Assert.Equal(RegistrationInterval.PalletError, refused.Error.Id);
        // Not checked here: the chain says the same.
        var outcome = Assert.Single(RegisterWorkflow.Run(n.Chain, Request(solution, skipValidation: true), new RecordingOutput(),
            CancellationToken.None));
        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal(RegistrationInterval.PalletError, outcome.Error!.Id);
    }
}
