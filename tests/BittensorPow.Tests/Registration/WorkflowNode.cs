using BittensorPow.DevNode;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Registration;

/// <summary>An in-process DevNode (blocks on demand) and a workflow session connected to it.</summary>
public sealed class WorkflowNode : IAsyncDisposable
{
    public static readonly Sr25519KeyPair Alice = Sr25519KeyPair.FromUri("//Alice");
    public static readonly Sr25519KeyPair Bob = Sr25519KeyPair.FromUri("//Bob");

    private WorkflowNode(DevNodeServer node, ChainSession chain) { Node = node; Chain = chain; }

    public DevNodeServer Node { get; }
    public ChainSession Chain { get; }
    public ulong Head => Node.Chain.Head.Number;

    /// <summary>One CPU thread: the subnets here have small difficulties.</summary>
    public static SolveRequest Cpu => new(PowBackend.Cpu, ThreadCount: 1);

    public static async Task<WorkflowNode> StartAsync(DevNodeOptions? options = null)
    {
        var node = await DevNodeHarness.StartAsync(options ?? new DevNodeOptions
        {
            BlockMs = 0,
            Subnets = [new SubnetSpec(1, 10_000), new SubnetSpec(2, 10_000, RegistrationAllowed: false),
                new SubnetSpec(3, 10_000, PowRegistrationAllowed: false)],
        });
        var rpc = await DevNodeHarness.ConnectAsync(node);
        var client = await SubtensorClient.ConnectAsync(rpc);
        return new WorkflowNode(node, new ChainSession(client, node.Endpoint.ToString(), rpc));
    }

    public void Produce(int blocks) { for (int i = 0; i < blocks; i++) Node.Chain.ProduceBlock(); }

    public async ValueTask DisposeAsync()
    {
        Chain.Dispose();
        await Node.DisposeAsync();
    }
}
