namespace BittensorPow.Registration.Solving;

/// <summary>
/// What a user says a piece of work binds — typed as parameters, or read from a piped, JSON or CSV solution — before it
/// becomes a <see cref="Challenge"/>. The one place that checks the combination: the pow_register seal needs the subnet
/// and the signing coldkey and is read little-endian only; the legacy seal takes either byte order.
/// </summary>
public sealed record WorkBinding(SealScheme Scheme, ulong BlockNumber, BlockHash BlockHash, byte[] Hotkey)
{
    public byte[]? Coldkey { get; init; }
    public ushort? NetUid { get; init; }

    /// <summary>-SealByteOrder or a solution's SealByteOrder; null: the scheme's (or, for the legacy seal offline, the default) rule.</summary>
    public SealByteOrder? SealByteOrder { get; init; }

    /// <summary>The challenge, and which rule applies and why (shown on the solution).</summary>
    /// <exception cref="PowException">MissingNetUid, MissingColdkey, SealByteOrderNotForScheme.</exception>
    public (Challenge Challenge, string Rule) ToChallenge()
    {
        if (Scheme == SealScheme.Legacy)
        {
            var (order, rule) = SealRuleChoice.Offline(SealByteOrder);
            return (new LegacyChallenge(BlockNumber, BlockHash.AsSpan(), Hotkey, order), rule);
        }
        if (SealByteOrder == Engine.SealByteOrder.BigEndian)
            throw PowException.Argument(ErrorIds.SealByteOrderNotForScheme, SealByteOrder,
                "The pow_register seal (PowRegisterV1) is read little-endian by the pallet; -SealByteOrder BigEndian does not apply to it.",
                "Leave -SealByteOrder out with -Scheme PowRegisterV1 (BigEndian is for the legacy seal of runtimes up to spec 271).");
        ushort netUid = NetUid ?? throw PowException.Argument(ErrorIds.MissingNetUid, this,
            "The pow_register seal (PowRegisterV1) binds the subnet, and no NetUid was given.", "Pass -NetUid with -Scheme PowRegisterV1.");
        byte[] coldkey = Coldkey ?? throw PowException.Argument(ErrorIds.MissingColdkey, this,
            "The pow_register seal (PowRegisterV1) binds the coldkey that signs pow_register, and none was given.",
            "Pass -Coldkey (SS58 or 0x public key) or -Wallet (its coldkeypub.txt is read; no secret).");
        return (new PowRegisterChallenge(netUid, BlockNumber, BlockHash.AsSpan(), Hotkey, coldkey), SealRuleChoice.PowRegisterRule);
    }
}
