using System.Collections.Concurrent;
using BittensorPow.DevNode;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using static BittensorPow.Tests.DevNode.RegistrationDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// A watch is never re-sent after a reconnect (that would submit again); the submitter then finds the extrinsic in
/// the chain's blocks itself, so a dropped connection does not turn a registration into an unknown outcome.
/// </summary>
public class SubmitAcrossReconnectTests
{
    [Fact]
    public async Task A_dropped_connection_after_submission_still_reports_the_inclusion_and_its_events()
    {
        // Blocks only when the test asks: the extrinsic waits in the pool while the connection is cut.
        await using var d = await StartAsync(new DevNodeOptions { BlockMs = 600_000, Subnets = [new SubnetSpec(1, 10)] });
        var client = await SubtensorClient.ConnectAsync(d.Client);
        byte[] extrinsic = d.SolvedRegister(Bob);
        var progress = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var submission = ExtrinsicSubmitter.SubmitAndWatchAsync(client, extrinsic, WaitFor.InBlock, TimeSpan.FromSeconds(30), m =>
        {
            progress.Enqueue(m);
            if (m.StartsWith("Status: Ready", StringComparison.Ordinal)) ready.TrySetResult();
        });
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        d.Node.DropConnections();
        Assert.True(await DevNodeHarness.EventuallyAsync(
                () => progress.Any(m => m.StartsWith("The watch ended", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)),
            string.Join(" | ", progress));
        d.Node.Chain.ProduceBlock();

        var result = await submission.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TransactionStatus.InBlock, result.Status);
        Assert.True(result.Success);
        Assert.Equal((ushort)0, result.Registration!.Uid);
        Assert.Equal(d.Node.Chain.Head.HashHex, result.BlockHash);
        Assert.Contains(progress, m => m.StartsWith("Found ", StringComparison.Ordinal));
    }
}
