namespace BittensorPow.Registration.Solving;

/// <summary>What the solved seal is for: it decides which runtime upgrades make the work pointless.</summary>
public enum SolvePurpose
{
    /// <summary>SubtensorModule.register (or a solution for it): pointless once register stops checking work.</summary>
    Register,
    /// <summary>SubtensorModule.faucet: pointless once the runtime has no faucet.</summary>
    Faucet,
}
