namespace BittensorPow.Engine;

/// <summary>
/// Which seal a solution is for: what it binds and how the chain reads it. Legacy is the 40-byte pre-seal of
/// <c>register</c> and <c>faucet</c> (SPEC §1-§3, §9); PowRegisterV1 the 131-byte payload of <c>pow_register</c> (SPEC §10).
/// </summary>
public enum SealScheme
{
    Legacy,
    PowRegisterV1,
}
