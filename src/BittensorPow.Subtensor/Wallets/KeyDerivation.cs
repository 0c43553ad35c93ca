namespace BittensorPow.Subtensor.Wallets;

/// <summary>Turns a keyfile password into the 32-byte secretbox key.</summary>
internal delegate byte[] KeyDerivation(ReadOnlySpan<byte> passwordUtf8);
