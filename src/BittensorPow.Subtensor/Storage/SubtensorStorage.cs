using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;

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

    /// <summary>RegistrationsThisBlock, MaxRegistrationsPerBlock, RegistrationsThisInterval, TargetRegistrationsPerInterval, MaxAllowedUids, SubnetworkN….</summary>
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

    private async Task<ScaleValue> ReadNetAsync(string item, ushort netuid, BlockHash? at, CancellationToken ct) =>
        (await reader.ReadAsync(Pallet, item, [NetUid(netuid)], at, ct).ConfigureAwait(false))
        ?? throw new StorageValueMissingException($"{Pallet}.{item} holds no value for subnet {netuid} and is Optional in this runtime; a value was expected.");

    public static byte[] NetUid(ushort netuid) => [(byte)netuid, (byte)(netuid >> 8)];

    private static byte[] Account(byte[] id) => id.Length == 32
        ? id
        : throw new ArgumentException($"An account id is exactly 32 bytes, not {id.Length}.", nameof(id));
}

/// <summary>A storage item the client needs has no value and no default in this runtime.</summary>
public sealed class StorageValueMissingException(string message) : Exception(message);

/// <summary>The parts of System.Account the client uses; balances in rao (1 TAO = 10⁹ rao).</summary>
public sealed record AccountInfo(ulong Nonce, UInt128 Free, UInt128 Reserved, UInt128 Frozen);
