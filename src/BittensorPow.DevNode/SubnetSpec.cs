namespace BittensorPow.DevNode;

/// <summary>A subnet the DevNode creates at genesis.</summary>
public sealed record SubnetSpec(ushort NetUid, ulong Difficulty, bool PowRegistrationAllowed = true, bool RegistrationAllowed = true)
{
    /// <summary>SubtensorModule.MinDifficulty at genesis (null: the metadata default, or D under the finney profile when D &lt; 10^7).</summary>
    public ulong? MinDifficulty { get; init; }
    /// <summary>SubtensorModule.MaxDifficulty at genesis (null: the metadata default, u64::MAX/4 on 475).</summary>
    public ulong? MaxDifficulty { get; init; }
    /// <summary>The block from which <see cref="PowRegistrationAllowed"/> holds; before it the opposite (null: from genesis).</summary>
    public ulong? PowSwitchBlock { get; init; }
    /// <summary>SubtensorModule.SubnetOwner (null: the sudo key, when there is one).</summary>
    public byte[]? Owner { get; init; }
}
