namespace BittensorPow.Subtensor.Runtime;

/// <summary>
/// How the chain reads the 32-byte seal as a U256 when it checks the difficulty (SPEC §2). The engine has its own
/// enum; the lead maps this one onto it, so that this assembly need not reference the engine.
/// </summary>
public enum SealRule
{
    /// <summary>Runtimes up to spec 271: <c>U256::from(&amp;[u8])</c>, big-endian.</summary>
    BigEndian,
    /// <summary>Runtimes from spec 272: <c>U256::from_little_endian</c> after the uint 0.10 upgrade.</summary>
    LittleEndian,
}
