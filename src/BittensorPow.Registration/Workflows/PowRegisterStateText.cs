namespace BittensorPow.Registration.Workflows;

/// <summary>One verbose line on what the chain says about a pow_register target.</summary>
public static class PowRegisterStateText
{
    public static string Describe(PowRegistrationState s, BlockHeader head) =>
        $"Head #{head.Number} {head.Hash}; subnet {s.NetUid}: PoW registration {(s.PowRegistrationAllowed ? "open" : "off")}, " +
        $"burn registration {(s.RegistrationAllowed ? "open" : "off")}, difficulty {s.EffectiveDifficulty:N0} (stored {s.Difficulty:N0}, " +
        $"min {s.MinDifficulty:N0}, max {s.MaxDifficulty:N0}), {s.RegistrationsThisBlock}/{s.MaxRegistrationsPerBlock} registrations this block, " +
        $"burn {Tao.Format(s.Burn)} TAO" +
        (s.LastPowRegistrationBlock is { } last ? $"; the hotkey last registered by work on block #{last}" : "") + ".";
}
