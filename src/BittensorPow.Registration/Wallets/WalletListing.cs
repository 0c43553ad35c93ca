namespace BittensorPow.Registration.Wallets;

/// <summary>Get-BittensorWallet: the wallets of a folder from their public files only, and the names that found none.</summary>
public static class WalletListing
{
    /// <exception cref="PowException">WalletNotFound (whole call) when the folder does not exist.</exception>
    public static (IReadOnlyList<WalletInfo> Wallets, IReadOnlyList<PowError> NotFound) Run(WalletListingRequest request)
    {
        string root = WalletPaths.ExpandRoot(request.WalletPath ?? Environment.GetEnvironmentVariable("BT_WALLET_PATH"));
        if (!Directory.Exists(root))
            throw PowException.Pipeline(ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound, root,
                $"The wallet folder '{root}' does not exist.",
                "Pass -WalletPath (or set BT_WALLET_PATH), or create one with New-BittensorWallet.");
        var found = WalletDirectory.List(root).Where(w => request.Matches?.Invoke(w.Name) ?? true).ToList();
        var notFound = request.ExactNames
            .Where(name => !found.Any(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)))
            .Select(name => new PowError(ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound, name,
                $"Wallet '{name}' was not found in '{root}'.", "Get-BittensorWallet without -Name lists the wallets there."))
            .ToList();
        return (found, notFound);
    }
}
