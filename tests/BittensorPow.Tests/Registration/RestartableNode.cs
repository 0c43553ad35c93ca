using BittensorPow.DevNode;
using BittensorPow.Registration.Chain;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// An in-process DevNode that a test can kill (every connection cut, the port closed) and start again on the same port,
/// as a fresh chain whose blocks start at 0; and a workflow session connected to it the way the cmdlets connect.
/// </summary>
public sealed class RestartableNode : IAsyncDisposable
{
    private RestartableNode(DevNodeServer node, DevNodeOptions options) { Node = node; Options = options; }

    public DevNodeServer Node { get; private set; }
    public DevNodeOptions Options { get; }
    public int Port => Node.Port;
    public string Endpoint => Node.Endpoint.ToString();

    public static async Task<RestartableNode> StartAsync(DevNodeOptions options)
    {
        var node = await DevNodeHarness.StartAsync(options);
        return new RestartableNode(node, options with { Port = node.Port });
    }

    /// <summary>The session's options with a short reconnect limit and a quick backoff, so a test takes seconds.</summary>
    public static RpcClientOptions Fast(TimeSpan reconnectLimit) => ChainSession.Options(reconnectLimit) with
    {
        CallTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    public ChainSession Connect(BittensorPow.Registration.IWorkflowOutput output, TimeSpan reconnectLimit) =>
        ChainSession.Connect(new NodeChoice(Endpoint, null), output, CancellationToken.None, Fast(reconnectLimit));

    public Task KillAsync() => Node.DisposeAsync().AsTask();

    /// <summary>A new chain on the same port (after <see cref="KillAsync"/>); <paramref name="change"/> alters its options.</summary>
    public async Task RestartAsync(Func<DevNodeOptions, DevNodeOptions>? change = null)
    {
        Node = await DevNodeHarness.StartAsync(change is null ? Options : change(Options));
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
