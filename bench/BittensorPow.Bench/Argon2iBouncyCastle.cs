using System.Security.Cryptography;
using BittensorPow.Subtensor.Wallets;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace BittensorPow.Bench;

/// <summary>
/// The managed argon2i the module used before libsodium, with $NACL's parameters. It lives here, not in the module,
/// so that it can only ever be the benchmark's comparison and never a silent fallback.
/// </summary>
internal static class Argon2iBouncyCastle
{
    public static byte[] DeriveKey(ReadOnlySpan<byte> passwordUtf8)
    {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2i)
            .WithVersion(Argon2Parameters.Version13)
            .WithIterations(NaclKeyfile.Argon2Iterations)
            .WithMemoryAsKB(NaclKeyfile.Argon2MemoryKiB)
            .WithParallelism(1)
            .WithSalt(NaclKeyfile.Salt.ToArray())
            .Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var key = new byte[32];
        var password = passwordUtf8.ToArray();
        try { generator.GenerateBytes(password, key); }
        finally { CryptographicOperations.ZeroMemory(password); }
        return key;
    }
}
