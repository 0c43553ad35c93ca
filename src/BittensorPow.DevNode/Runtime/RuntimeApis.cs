namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// The runtime-API list a node reports in its runtime version, per real runtime: spec 218 from the chopsticks
/// transcript (shared/rpc), spec 475 from Finney's reply at block 9,234,811 (shared/rpc/real-node-replies.json), for
/// runtimes with pow_register. Other metadata files report the 218 list, as the DevNode always did.
/// </summary>
public static class RuntimeApis
{
    private static readonly (string Id, int Version)[] Spec218 =
    [
        ("0xdf6acb689907609b", 5), ("0x37e397fc7c91f5e4", 2), ("0x40fe3ad401f8959a", 6), ("0xfbc577b9d747efd6", 1),
        ("0xd2bc9897eed08f15", 3), ("0xf78b278be53f454c", 2), ("0xdd718d5cc53262d4", 1), ("0xab3c0572291feb8b", 1),
        ("0xed99c5acb25eedf5", 3), ("0xbc9d89904f5b923f", 1), ("0x37c8bb1350a9a2a8", 4), ("0xf3ff14d5ab527059", 3),
        ("0x582211f65bb14b89", 5), ("0xe65b00e46cedd0aa", 2), ("0x42e62be4a39e5b60", 1), ("0x806df4ccaa9ed485", 1),
        ("0x8375104b299b74c5", 1), ("0x5d1fbfbe852f2807", 1), ("0xc6886e2f8e598b0a", 1),
    ];

    private static readonly (string Id, int Version)[] Spec475 =
    [
        ("0xdf6acb689907609b", 5), ("0x37e397fc7c91f5e4", 2), ("0x40fe3ad401f8959a", 6), ("0xfbc577b9d747efd6", 1),
        ("0xd2bc9897eed08f15", 3), ("0xf78b278be53f454c", 2), ("0xdd718d5cc53262d4", 1), ("0xab3c0572291feb8b", 1),
        ("0xed99c5acb25eedf5", 3), ("0xbc9d89904f5b923f", 1), ("0x37c8bb1350a9a2a8", 4), ("0xf3ff14d5ab527059", 3),
        ("0x582211f65bb14b89", 6), ("0xe65b00e46cedd0aa", 2), ("0x68b66ba122c93fa7", 2), ("0x42e62be4a39e5b60", 1),
        ("0x806df4ccaa9ed485", 1), ("0x8375104b299b74c5", 2), ("0x5d1fbfbe852f2807", 1), ("0xc6886e2f8e598b0a", 1),
        ("0x43580abff6baab45", 5), ("0xc0de4984d112f3b4", 1), ("0xcbca25e39f142387", 2), ("0xa8b093e6508d9e9c", 1),
        ("0x1c4585bd5c707202", 1),
    ];

    /// <summary>475's list (whose reply also carries systemVersion besides stateVersion) or 218's.</summary>
    public static IReadOnlyList<(string Id, int Version)> For(bool finney475) => finney475 ? Spec475 : Spec218;
}
