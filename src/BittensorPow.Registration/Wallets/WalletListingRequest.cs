namespace BittensorPow.Registration.Wallets;

/// <summary>Get-BittensorWallet: which wallet folder, and which wallets in it.</summary>
public sealed record WalletListingRequest(string? WalletPath)
{
    /// <summary>Whether a wallet's name was asked for (-Name, wildcards matched by the caller); null: every wallet.</summary>
    public Func<string, bool>? Matches { get; init; }

    /// <summary>Names given without wildcards: each that names no wallet there is an error of its own.</summary>
    public IReadOnlyList<string> ExactNames { get; init; } = [];
}
