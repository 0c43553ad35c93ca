using System.Numerics;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>System.Account (AccountInfo { nonce, consumers, providers, sufficients, data: { free, … } }) by the metadata's type.</summary>
public static class Accounts
{
    public static ScaleValue Info(StateOverlay s, byte[] account) => s.Get("System", "Account", account)!;

    public static ulong Nonce(StateOverlay s, byte[] account) => Info(s, account)["nonce"].AsUInt64();

    public static BigInteger Free(StateOverlay s, byte[] account) => Info(s, account)["data"]["free"].AsBigInteger();

    public static void SetNonce(StateOverlay s, byte[] account, ulong nonce)
        => s.Set("System", "Account", Info(s, account).With("nonce", new ScaleNumber(nonce)), account);

    /// <summary>Sets the free balance; an account holding funds has at least one provider, as Balances ensures.</summary>
    public static void SetFree(StateOverlay s, byte[] account, BigInteger free)
    {
        var info = Info(s, account).With("data.free", new ScaleNumber(free));
        if (free > 0 && info["providers"].AsBigInteger() == 0) info = info.With("providers", new ScaleNumber(1));
        s.Set("System", "Account", info, account);
    }
}
