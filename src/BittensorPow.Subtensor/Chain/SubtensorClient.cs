namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// The chain as the solver sees it: heads, block hashes, subnet state and account nonces, over any
/// <see cref="IRpcClient"/>. It reads the runtime version and metadata at connect time, and again whenever
/// <see cref="RefreshRuntimeAsync"/> or <see cref="FollowRuntimeAsync"/> sees the node run another runtime; the
/// runtime state is swapped whole (<see cref="Runtime"/>). It does not own the RPC client (the caller disposes it).
/// </summary>
public sealed class SubtensorClient
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private RuntimeState _runtime;
    // What the runtime subscriptions say: how many are open, whether one has spoken on the current connection, and
    // the last version announced (which may still be loading).
    private int _followers;
    private int _heard;
    private RuntimeVersion? _announced;

    private SubtensorClient(IRpcClient rpc, RuntimeState runtime, byte[] genesisHash)
    {
        Rpc = rpc;
        _runtime = runtime;
        GenesisHash = genesisHash;
        rpc.ConnectionChanged += OnConnectionChanged;
    }

    public IRpcClient Rpc { get; }

    /// <summary>The runtime now known; read it once per use so that version, metadata and profile belong together.</summary>
    public RuntimeState Runtime => Volatile.Read(ref _runtime);

    public RuntimeVersion RuntimeVersion => Runtime.Version;
    public RuntimeMetadata Metadata => Runtime.Metadata;
    public RuntimeProfile RuntimeProfile => Runtime.Profile;
    public byte[] GenesisHash { get; }
    public StorageReader Storage => Runtime.Storage;
    public SubtensorStorage Subtensor => Runtime.Subtensor;

    /// <summary>Raised (on a background thread) after the runtime state was swapped for a new runtime's.</summary>
    public event Action<RuntimeChange>? RuntimeChanged;

    /// <summary>Reads the runtime version, the genesis hash and the metadata (the newest version the runtime offers, up to V16).</summary>
    public static async Task<SubtensorClient> ConnectAsync(IRpcClient rpc, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var version = RuntimeVersion.FromJson(await rpc.CallAsync("state_getRuntimeVersion", [], cancellation).ConfigureAwait(false));
        var genesis = await GetBlockHashCoreAsync(rpc, 0, cancellation).ConfigureAwait(false);
        var metadata = await MetadataLoader.LoadAsync(rpc, version, null, cancellation).ConfigureAwait(false);
        return new SubtensorClient(rpc, RuntimeState.Create(rpc, version, metadata), genesis.ToArray());
    }

    /// <summary>
    /// Asks the node which runtime it runs now and, when that is another one, loads its metadata and swaps the state.
    /// Returns the state to use: what is signed with it matches the runtime the node runs at this moment.
    /// </summary>
    public async Task<RuntimeState> RefreshRuntimeAsync(CancellationToken cancellation = default)
    {
        var version = RuntimeVersion.FromJson(await Rpc.CallAsync("state_getRuntimeVersion", [], cancellation).ConfigureAwait(false));
        // The node's answer is newer than any announcement still in flight: signing must not go back to that one.
        Volatile.Write(ref _announced, version);
        return await AdoptAsync(version, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// The runtime to sign for. While a runtime subscription is open and has announced the node's version on this
    /// connection, that version is the node's: no round trip (a version announced but still loading is waited for).
    /// Otherwise the node is asked (<see cref="RefreshRuntimeAsync"/>).
    /// </summary>
    public Task<RuntimeState> RuntimeForSigningAsync(CancellationToken cancellation = default) =>
        FollowsRuntime && Volatile.Read(ref _announced) is { } announced
            ? AdoptAsync(announced, cancellation)
            : RefreshRuntimeAsync(cancellation);

    /// <summary>True while a runtime subscription is open and has announced the node's version since the last disconnect.</summary>
    public bool FollowsRuntime => Volatile.Read(ref _followers) > 0 && Volatile.Read(ref _heard) != 0;

    /// <summary>
    /// Follows state_subscribeRuntimeVersion: each version the node announces that differs from the known one
    /// reloads the metadata (off the subscription's thread) and raises <see cref="RuntimeChanged"/>. A failed reload
    /// goes to <paramref name="onError"/> and is retried on the next announcement or signing. Dispose the result to stop.
    /// </summary>
    public async Task<IAsyncDisposable> FollowRuntimeAsync(Action<Exception>? onError = null, CancellationToken cancellation = default)
    {
        var subscription = await Rpc.SubscribeAsync("state_subscribeRuntimeVersion", [], "state_unsubscribeRuntimeVersion", json =>
        {
            RuntimeVersion version;
            try { version = RuntimeVersion.FromJson(json); }
            catch (ChainReplyException e) { onError?.Invoke(e); return; }
            Volatile.Write(ref _announced, version);
            Volatile.Write(ref _heard, 1);
            if (!Runtime.DiffersFrom(version)) return;
            // The metadata reply arrives on the subscription's own thread: never wait for it here.
            _ = Task.Run(async () =>
            {
                try { await AdoptAsync(version, cancellation).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
                catch (Exception e) { onError?.Invoke(e); }
            }, CancellationToken.None);
        }, cancellation).ConfigureAwait(false);
        Interlocked.Increment(ref _followers);
        return new Follower(this, subscription);
    }

    /// <summary>
    /// A lost connection, or a runtime subscription not renewed on the new one, may have missed an upgrade: until a
    /// subscription speaks again, signing asks the node.
    /// </summary>
    private void OnConnectionChanged(ConnectionEvent change)
    {
        if (change.Kind is ConnectionEventKind.Disconnected or ConnectionEventKind.GaveUpReconnecting
            or ConnectionEventKind.ResubscribeFailed or ConnectionEventKind.NotResubscribed)
            Volatile.Write(ref _heard, 0);
    }

    private sealed class Follower(SubtensorClient client, IAsyncDisposable subscription) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return ValueTask.CompletedTask;
            Interlocked.Decrement(ref client._followers);
            return subscription.DisposeAsync();
        }
    }

    private async Task<RuntimeState> AdoptAsync(RuntimeVersion version, CancellationToken cancellation)
    {
        if (!Runtime.DiffersFrom(version)) return Runtime;
        await _reload.WaitAsync(cancellation).ConfigureAwait(false);
        RuntimeChange change;
        try
        {
            var before = Runtime;
            if (!before.DiffersFrom(version)) return before;
            var metadata = await MetadataLoader.LoadAsync(Rpc, version, null, cancellation).ConfigureAwait(false);
            var after = RuntimeState.Create(Rpc, version, metadata);
            Volatile.Write(ref _runtime, after);
            change = new RuntimeChange(before, after);
        }
        finally { _reload.Release(); }
        RuntimeChanged?.Invoke(change);
        return change.After;
    }

    /// <summary>The best block's header; its hash is computed from the header itself, so the pair is consistent.</summary>
    public async Task<BlockHeader> GetHeadAsync(CancellationToken cancellation = default) =>
        HeaderCodec.Parse(await Rpc.CallAsync("chain_getHeader", [], cancellation).ConfigureAwait(false));

    /// <exception cref="BlockNotFoundException">The node does not know the block.</exception>
    public async Task<BlockHeader> GetHeaderAsync(BlockHash blockHash, CancellationToken cancellation = default)
    {
        var result = await Rpc.CallAsync("chain_getHeader", [blockHash], cancellation).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null) throw new BlockNotFoundException($"The node does not know block {blockHash}.");
        return HeaderCodec.Parse(result);
    }

    public async Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellation = default)
    {
        var hash = await Rpc.CallAsync("chain_getFinalizedHead", [], cancellation).ConfigureAwait(false);
        return await GetHeaderAsync(ReadHash(hash, "chain_getFinalizedHead"), cancellation).ConfigureAwait(false);
    }

    /// <summary>The hash of block <paramref name="number"/>.</summary>
    /// <exception cref="BlockNotFoundException">The node has no such block (yet).</exception>
    public Task<BlockHash> GetBlockHashAsync(ulong number, CancellationToken cancellation = default) =>
        GetBlockHashCoreAsync(Rpc, number, cancellation);

    /// <summary>Everything the solver checks before it starts, read at one block (the best block when none is given).</summary>
    public async Task<SubnetInfo> GetSubnetInfoAsync(ushort netuid, BlockHash? atBlockHash = null, CancellationToken cancellation = default)
    {
        var s = Subtensor;
        var ct = cancellation;
        bool exists = await s.NetworksAddedAsync(netuid, atBlockHash, ct).ConfigureAwait(false);
        return new SubnetInfo(
            netuid, exists,
            await s.DifficultyAsync(netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.NetworkPowRegistrationAllowedAsync(netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.NetworkRegistrationAllowedAsync(netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.U16ItemAsync("RegistrationsThisBlock", netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.U16ItemAsync("MaxRegistrationsPerBlock", netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.U16ItemAsync("RegistrationsThisInterval", netuid, atBlockHash, ct).ConfigureAwait(false),
            await s.U16ItemAsync("TargetRegistrationsPerInterval", netuid, atBlockHash, ct).ConfigureAwait(false),
            atBlockHash);
    }

    /// <summary>Like <see cref="GetSubnetInfoAsync"/> but throws <see cref="SubnetNotFoundException"/> when the subnet does not exist.</summary>
    public async Task<SubnetInfo> GetExistingSubnetAsync(ushort netuid, BlockHash? atBlockHash = null, CancellationToken cancellation = default)
    {
        var info = await GetSubnetInfoAsync(netuid, atBlockHash, cancellation).ConfigureAwait(false);
        return info.Exists ? info : throw new SubnetNotFoundException(netuid);
    }

    /// <summary>The hotkey's uid on the subnet, or null when it is not registered there.</summary>
    public Task<ushort?> GetUidAsync(ushort netuid, byte[] hotkey, BlockHash? atBlockHash = null, CancellationToken cancellation = default) =>
        Subtensor.UidAsync(netuid, hotkey, atBlockHash, cancellation);

    public Task<bool> IsNetworkMemberAsync(ushort netuid, byte[] hotkey, BlockHash? atBlockHash = null, CancellationToken cancellation = default) =>
        Subtensor.IsNetworkMemberAsync(netuid, hotkey, atBlockHash, cancellation);

    /// <summary>The next nonce, counting the account's transactions already in the pool (system_accountNextIndex).</summary>
    public async Task<ulong> GetAccountNextIndexAsync(byte[] accountId, CancellationToken cancellation = default)
    {
        var result = await Rpc.CallAsync("system_accountNextIndex", [Ss58.Encode(accountId)], cancellation).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Number && result.TryGetUInt64(out var n)
            ? n
            : throw new ChainReplyException($"system_accountNextIndex answered {result.ValueKind}, not a number.");
    }

    /// <summary>
    /// Pushes every new best head (chain_subscribeNewHeads) to <paramref name="onHead"/>, on a background thread.
    /// A header that cannot be read is skipped: one bad notification must not end the subscription.
    /// Dispose the result to unsubscribe.
    /// </summary>
    public Task<IAsyncDisposable> SubscribeNewHeadsAsync(Action<BlockHeader> onHead, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(onHead);
        return Rpc.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads", json =>
        {
            BlockHeader header;
            try { header = HeaderCodec.Parse(json); }
            catch (ChainReplyException) { return; }
            onHead(header);
        }, cancellation);
    }

    private static async Task<BlockHash> GetBlockHashCoreAsync(IRpcClient rpc, ulong number, CancellationToken ct)
    {
        var result = await rpc.CallAsync("chain_getBlockHash", [number], ct).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null) throw new BlockNotFoundException($"The node has no block #{number} yet.", number);
        return ReadHash(result, "chain_getBlockHash");
    }

    private static BlockHash ReadHash(JsonElement result, string method) =>
        result.ValueKind == JsonValueKind.String && BlockHash.TryParse(result.GetString(), out var hash, out _)
            ? hash
            : throw new ChainReplyException($"{method} answered {result.ValueKind}, not a block hash.");
}
