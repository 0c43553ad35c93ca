using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// The "$NACL" envelope (nonce, secretbox MAC, ciphertext) and the keyfile inside it. The input is the file after
/// "$NACL". argon2i is replaced by a derivation that returns the key of ../shared's test coldkey (its password's
/// argon2i output, from the vectors), so the real file opens and mutations reach the MAC and the plaintext parser.
/// Rejection: WalletFileException.
/// </summary>
public static class NaclTarget
{
    private static readonly Lazy<byte[]> Key = new(() =>
        Convert.FromHexString(Seed.SubstrateVector("bittensor_nacl_coldkey", "key")[2..]));

    public static void Run(ReadOnlySpan<byte> input)
    {
        byte[] file = [.. "$NACL"u8, .. input];
        try
        {
            var plaintext = NaclKeyfile.Decrypt(file, "fuzz"u8, "fuzz", _ => (byte[])Key.Value.Clone());
            SecretKeyfile.Parse(plaintext, "fuzz").Dispose();
        }
        catch (WalletFileException) { }
    }

    public static IEnumerable<byte[]> Seeds()
    {
        var coldkey = File.ReadAllBytes(SharedData.PathOf("wallet", "default", "coldkey"));
        yield return coldkey["$NACL".Length..];
    }
}
