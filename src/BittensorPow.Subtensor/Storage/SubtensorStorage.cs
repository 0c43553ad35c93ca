namespace BittensorPow.Subtensor.Storage;

/// <summary>
/// Typed reads of the SubtensorModule and System items the solver needs (SPEC §4). Key parts are encoded here
/// (NetUid = u16 LE, accounts = their 32 bytes); hashers, value types and defaults come from the metadata.
/// </summary>
public sealed class SubtensorStorage(StorageReader reader)
{
    public const string Pallet = "SubtensorModule";

    public async Task<bool> NetworksAddedAsync(ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync("NetworksAdded", netuid, at, ct).ConfigureAwait(false)).AsBool();

    public async Task<ulong> DifficultyAsync(ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync("Difficulty", netuid, at, ct).ConfigureAwait(false)).AsUInt64();

    public async Task<bool> NetworkPowRegistrationAllowedAsync(ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync("NetworkPowRegistrationAllowed", netuid, at, ct).ConfigureAwait(false)).AsBool();

    public async Task<bool> NetworkRegistrationAllowedAsync(ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync("NetworkRegistrationAllowed", netuid, at, ct).ConfigureAwait(false)).AsBool();

    /// <summary>Burn(netuid): what a burned registration (register on spec ≥ 397, burned_register, register_limit) costs now, in rao.</summary>
    public async Task<ulong> BurnAsync(ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync("Burn", netuid, at, ct).ConfigureAwait(false)).AsUInt64();

    /// <summary>
    /// RegistrationsThisBlock, MaxRegistrationsPerBlock, RegistrationsThisInterval, TargetRegistrationsPerInterval,
    /// MaxAllowedUids, SubnetworkN….
    /// </summary>
    public async Task<ushort> U16ItemAsync(string item, ushort netuid, BlockHash? at = null, CancellationToken ct = default) =>
        (await ReadNetAsync(item, netuid, at, ct).ConfigureAwait(false)).AsUInt16();

    /// <summary>The hotkey's uid on the subnet, or null when it is not registered there.</summary>
    public async Task<ushort?> UidAsync(ushort netuid, byte[] hotkey, BlockHash? at = null, CancellationToken ct = default)
    {
        var value = await reader.ReadAsync(Pallet, "Uids", [NetUid(netuid), Account(hotkey)], at, ct).ConfigureAwait(false);
        return value?.AsUInt16();
    }

    public async Task<bool> IsNetworkMemberAsync(ushort netuid, byte[] hotkey, BlockHash? at = null, CancellationToken ct = default)
    {
        var value = await reader.ReadAsync(Pallet, "IsNetworkMember", [Account(hotkey), NetUid(netuid)], at, ct).ConfigureAwait(false);
        return value!.AsBool();
    }

    /// <summary>System.Account: nonce and balances (free, reserved, frozen) of an account.</summary>
    public async Task<AccountInfo> AccountAsync(byte[] accountId, BlockHash? at = null, CancellationToken ct = default)
    {
        var v = (await reader.ReadAsync("System", "Account", [Account(accountId)], at, ct).ConfigureAwait(false))!;
        var data = v["data"];
        return new AccountInfo(v["nonce"].AsUInt64(), (UInt128)data["free"].AsBigInteger(), (UInt128)data["reserved"].AsBigInteger(),
            data.Field("frozen") is { } frozen ? (UInt128)frozen.AsBigInteger() : 0);
    }

    /// <summary>pow_register's D at a block: Difficulty clamped by MinDifficulty and MaxDifficulty, read in one round trip.</summary>
    public async Task<ulong> EffectiveDifficultyAsync(ushort netuid, BlockHash at, CancellationToken ct = default)
    {
        var key = NetUid(netuid);
        var m = reader.Metadata;
        StorageRead[] reads = [.. new[] { "Difficulty", "MinDifficulty", "MaxDifficulty" }
            .Select(item => new StorageRead(m.Storage(Pallet, item), [key]))];
        var v = await reader.ReadManyAsync(reads, at, ct).ConfigureAwait(false);
        return PowRegistrationState.Clamp(v[0]?.AsUInt64() ?? 0, v[1]?.AsUInt64() ?? 0, v[2]?.AsUInt64() ?? ulong.MaxValue);
    }

    /// <summary>Everything <c>pow_register</c>'s checks read, at one block, in one round trip (state_queryStorageAt).</summary>
    public async Task<PowRegistrationState> PowRegistrationStateAsync(PowRegistrationQuery query, BlockHash at, CancellationToken ct = default) =>
        (await PowRegistrationStatesAsync([query], at, ct).ConfigureAwait(false))[0];

    /// <summary>
    /// <see cref="PowRegistrationStateAsync"/> for several subnets at once: every item of every subnet in ONE
    /// state_queryStorageAt, so listing a chain's subnets costs one round trip however many there are.
    /// </summary>
    public async Task<PowRegistrationState[]> PowRegistrationStatesAsync(IReadOnlyList<PowRegistrationQuery> queries, BlockHash at,
        CancellationToken ct = default)
    {
        var perQuery = queries.Select(Reads).ToArray();
        var values = await reader.ReadManyAsync([.. perQuery.SelectMany(r => r.Select(x => x.Read))], at, ct).ConfigureAwait(false);
        var states = new PowRegistrationState[queries.Count];
        for (int q = 0, offset = 0; q < queries.Count; offset += perQuery[q].Count, q++)
        {
            var v = new Dictionary<string, ScaleValue?>();
            for (int i = 0; i < perQuery[q].Count; i++) v[perQuery[q][i].Name] = values[offset + i];
            states[q] = State(queries[q], at, v);
        }
        return states;
    }

    /// <summary>
    /// The netuids NetworksAdded holds a key for at a block, read from its keys (state_getKeysPaged, 1000 a page): the
    /// netuid is the key's last two bytes under the Identity (or a concatenating) hasher. Values are not read here.
    /// </summary>
    public async Task<IReadOnlyList<ushort>> NetUidsAsync(BlockHash at, CancellationToken ct = default)
    {
        const int PageSize = 1000;
        var entry = reader.Metadata.Storage(Pallet, "NetworksAdded");
        if (entry.Hashers.Count != 1
            || entry.Hashers[0] is not (StorageHasher.Identity or StorageHasher.Twox64Concat or StorageHasher.Blake2_128Concat))
            throw new UnsupportedRuntimeException($"{entry} is keyed by {string.Join(", ", entry.Hashers)} in this runtime; "
                + "its netuids cannot be read back from its keys.");
        var prefix = StorageKey.Prefix(entry.Prefix, entry.Name);
        var netUids = new SortedSet<ushort>();
        byte[]? after = null;
        while (true)
        {
            var page = await reader.KeysPagedAsync(prefix, PageSize, after, at, ct).ConfigureAwait(false);
            foreach (var key in page)
            {
                if (key.Length < prefix.Length + 2 || !key.AsSpan(0, prefix.Length).SequenceEqual(prefix))
                    throw new ChainReplyException($"state_getKeysPaged answered a key ({Hex.Encode(key)}) that is not a {entry} key.");
                netUids.Add((ushort)(key[^2] | key[^1] << 8));
            }
            if (page.Length < PageSize) return [.. netUids];
            after = page[^1];
        }
    }

    private List<(string Name, StorageRead Read)> Reads(PowRegistrationQuery query)
    {
        var netUid = NetUid(query.NetUid);
        var reads = new List<(string Name, StorageRead Read)>();
        void Add(string item, params byte[][] keys)
        {
            if (reader.Metadata.TryGetStorage(Pallet, item) is { } entry) reads.Add((item, new StorageRead(entry, keys)));
        }
        foreach (var item in NetItems) Add(item, netUid);
        if (query.Hotkey is { } hotkey)
        {
            Add("Uids", netUid, Account(hotkey));
            Add("LastPowRegistrationBlock", Account(hotkey));
            Add("Owner", Account(hotkey));
        }
        if (query.Coldkey is { } coldkey)
        {
            Add("OwnedHotkeys", Account(coldkey));
            Add("StakingHotkeys", Account(coldkey));
        }
        return reads;
    }

    private static PowRegistrationState State(PowRegistrationQuery query, BlockHash at, Dictionary<string, ScaleValue?> v)
    {
        ScaleValue? Get(string name) => v.GetValueOrDefault(name);
        ulong U64(string name) => Get(name)?.AsUInt64() ?? 0;
        ushort U16(string name) => Get(name)?.AsUInt16() ?? 0;
        return new PowRegistrationState(query.NetUid, at)
        {
            SubnetExists = Get("NetworksAdded")?.AsBool() ?? false,
            PowRegistrationAllowed = Get("NetworkPowRegistrationAllowed")?.AsBool() ?? false,
            RegistrationAllowed = Get("NetworkRegistrationAllowed")?.AsBool() ?? false,
            Difficulty = U64("Difficulty"), MinDifficulty = U64("MinDifficulty"), MaxDifficulty = Get("MaxDifficulty")?.AsUInt64() ?? ulong.MaxValue,
            RegistrationsThisBlock = U16("RegistrationsThisBlock"), MaxRegistrationsPerBlock = U16("MaxRegistrationsPerBlock"),
            MaxAllowedUids = U16("MaxAllowedUids"), SubnetworkN = Get("SubnetworkN")?.AsUInt16(), Burn = U64("Burn"),
            Uid = Get("Uids")?.AsUInt16(),
            LastPowRegistrationBlock = Get("LastPowRegistrationBlock")?.AsUInt64(),
            Owner = Get("Owner") is { } owner && owner.AsBytes() is { } o && o.Any(b => b != 0) ? o : null,
            OwnedHotkeys = Get("OwnedHotkeys") is ScaleSequence owned ? owned.Items.Count : null,
            StakingHotkeys = Get("StakingHotkeys") is ScaleSequence staking ? staking.Items.Count : null,
        };
    }

    private static readonly string[] NetItems =
    [
        "NetworksAdded", "NetworkPowRegistrationAllowed", "NetworkRegistrationAllowed", "Difficulty", "MinDifficulty", "MaxDifficulty",
        "RegistrationsThisBlock", "MaxRegistrationsPerBlock", "MaxAllowedUids", "SubnetworkN", "Burn",
    ];

    private async Task<ScaleValue> ReadNetAsync(string item, ushort netuid, BlockHash? at, CancellationToken ct) =>
        (await reader.ReadAsync(Pallet, item, [NetUid(netuid)], at, ct).ConfigureAwait(false))
        ?? throw new StorageValueMissingException(
            $"{Pallet}.{item} holds no value for subnet {netuid} and is Optional in this runtime; a value was expected.");

    public static byte[] NetUid(ushort netuid) => [(byte)netuid, (byte)(netuid >> 8)];

    private static byte[] Account(byte[] id) => id.Length == 32
        ? id
        : throw new ArgumentException($"An account id is exactly 32 bytes, not {id.Length}.", nameof(id));
}
