namespace BittensorPow.Subtensor.Wallets;

public sealed class WalletFileException(WalletError error, string path, string message) : IOException(message)
{
    public WalletError Error { get; } = error;
    public string FilePath { get; } = path;
}
