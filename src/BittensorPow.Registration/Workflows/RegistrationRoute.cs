namespace BittensorPow.Registration.Workflows;

/// <summary>How a runtime registers a neuron (SPEC §2, §9, §10), decided once from its profile.</summary>
public enum RegistrationRoute
{
    /// <summary><c>register</c> with the legacy seal, signed by the hotkey (runtimes up to spec 396).</summary>
    Work,

    /// <summary><c>pow_register</c> with the new seal, signed by the coldkey, fee-free (spec 475 on, SPEC §10).</summary>
    PowRegister,

    /// <summary>A burn signed by the coldkey, capped by -MaxCost (<c>register_limit</c> or <c>burned_register</c>; spec 397 on).</summary>
    Burn,
}
