using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Unencrypted keyfile JSON: the public-key reader (wallet listing) and the secret reader (signing).
/// Rejection: WalletFileException, whose WalletError says what was wrong.
/// </summary>
public static class KeyfileTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        try { PublicKeyfile.ParsePublicKey(input, "fuzz"); }
        catch (WalletFileException) { }
        try { SecretKeyfile.Parse(input, "fuzz").Dispose(); }
        catch (WalletFileException) { }
    }

    public static IEnumerable<byte[]> Seeds() =>
    [
        File.ReadAllBytes(SharedData.PathOf("wallet", "default", "hotkeys", "default")),
        File.ReadAllBytes(SharedData.PathOf("wallet", "default", "hotkeys", "defaultpub.txt")),
        File.ReadAllBytes(SharedData.PathOf("wallet", "default", "coldkeypub.txt")),
    ];
}
