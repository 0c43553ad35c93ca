using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.DevNode.Methods;
using BittensorPow.DevNode.Runtime;
using BittensorPow.DevNode.Transport;

namespace BittensorPow.DevNode;

/// <summary>
/// The DevNode: accepts WebSocket connections on 127.0.0.1, answers JSON-RPC like a subtensor node from an
/// in-memory <see cref="ChainState"/>, and produces a block every <see cref="DevNodeOptions.BlockMs"/>.
/// Usable in-process by tests: <c>var node = new DevNodeServer(); int port = await node.StartAsync(options);</c>
/// </summary>
public sealed class DevNodeServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly object _sessionsLock = new();
    private readonly HashSet<DevNodeSession> _sessions = [];
    private TcpListener? _listener;
    private int _accepted;

    public DevNodeOptions Options { get; private set; } = new();
    public ChainState Chain { get; private set; } = null!;
    public RuntimeProfile Runtime { get; private set; } = null!;
    public SubtensorRuntime Executor { get; private set; } = null!;
    public DevFaults Faults { get; } = new();
    /// <summary>Calls that failed in a block since start, under any runtime (dev_dispatchFailures).</summary>
    public DispatchFailures DispatchFailures { get; } = new();
    /// <summary>PoW switches still to come (--subnet …:pow=on@B, dev_setPowRegistration with a later block).</summary>
    public PowSwitchSchedule PowSwitches { get; } = new();
    public MethodTable Methods { get; } = new();
    public int Port { get; private set; }
    public Uri Endpoint => new($"ws://127.0.0.1:{Port}");

    /// <summary>Loads the runtime, builds genesis, starts listening and producing blocks; returns the bound port.</summary>
    public Task<int> StartAsync(DevNodeOptions options)
    {
        if (_listener is not null) throw new InvalidOperationException("The DevNode is already started.");
        Options = options;
        Runtime = RuntimeProfile.Load(options);
        Executor = new SubtensorRuntime(Runtime, DispatchFailures, PowSwitches);
        foreach (var change in GenesisBuilder.PowSwitches(options)) PowSwitches.Add(change);
        var genesis = GenesisBuilder.Endow(GenesisBuilder.Build(options), Runtime.Decoded, options.Endowed);
        Chain = new ChainState(genesis, Executor, options.FinalityLag,
            firstSlot: (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / Math.Max(1, options.BlockMs == 0 ? 12_000 : options.BlockMs)));

        // Loopback only: this node has no authentication and dev_* calls rewrite its state.
        _listener = new TcpListener(IPAddress.Loopback, options.Port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;

        _loops.Add(Task.Run(AcceptLoopAsync));
        if (options.BlockMs > 0) _loops.Add(Task.Run(() => EveryAsync(options.BlockMs, () => Chain.ProduceBlock())));
        if (options.DropEveryMs > 0) _loops.Add(Task.Run(() => EveryAsync(options.DropEveryMs, DropConnections)));
        return Task.FromResult(Port);
    }

    /// <summary>Raised after <see cref="UpgradeRuntime"/> switched the runtime (runtime-version subscribers hear of it).</summary>
    public event Action<RuntimeProfile>? RuntimeUpgraded;

    /// <summary>Connections accepted since start (WebSocket handshakes completed), for tests that count reconnects.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>
    /// A runtime upgrade while running, as a set_code would do: the next block executes under spec
    /// <paramref name="specVersion"/> with <paramref name="metadata"/> (a file under shared/metadata or a path; null keeps the
    /// current file). The other runtime options (register_limit and pow_register patches, pow-faucet) carry over.
    /// </summary>
    public RuntimeProfile UpgradeRuntime(uint specVersion, string? metadata = null, uint? transactionVersion = null)
    {
        var options = Options with
        {
            SpecVersion = specVersion,
            Metadata = metadata ?? Options.Metadata,
            TransactionVersion = transactionVersion ?? Runtime.TransactionVersion,
        };
        var runtime = RuntimeProfile.Load(options);
        var executor = new SubtensorRuntime(runtime, DispatchFailures, PowSwitches);
        Chain.UseExecutor(executor);
        Options = options;
        Executor = executor;
        Runtime = runtime;
        RuntimeUpgraded?.Invoke(runtime);
        return runtime;
    }

    public int ConnectionCount { get { lock (_sessionsLock) return _sessions.Count; } }

    /// <summary>Aborts every open connection (no close handshake), as if the node had crashed or the network had broken.</summary>
    public void DropConnections()
    {
        DevNodeSession[] sessions;
        lock (_sessionsLock) sessions = _sessions.ToArray();
        foreach (var s in sessions) s.Abort();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try { tcp = await _listener!.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(tcp));
        }
    }

    private async Task ServeAsync(TcpClient tcp)
    {
        using (tcp)
        {
            tcp.NoDelay = true;
            var stream = tcp.GetStream();
            using var handshakeDeadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            handshakeDeadline.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                if (!await WebSocketHandshake.AcceptAsync(stream, handshakeDeadline.Token)) return;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException) { return; }

            var socket = WebSocket.CreateFromStream(stream,
                new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.FromSeconds(30) });
            Interlocked.Increment(ref _accepted);
            var session = new DevNodeSession(this, socket, _stop.Token);
            lock (_sessionsLock) _sessions.Add(session);
            try { await session.RunAsync(); }
            finally { lock (_sessionsLock) _sessions.Remove(session); }
        }
    }

    private async Task EveryAsync(int milliseconds, Action action)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(milliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try { action(); }
                catch (Exception e) { Console.Error.WriteLine($"DevNode: timer action failed: {e}"); }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener?.Stop();
        DropConnections();
        await Task.WhenAny(Task.WhenAll(_loops), Task.Delay(TimeSpan.FromSeconds(5)));
        _listener?.Dispose();
    }
}
