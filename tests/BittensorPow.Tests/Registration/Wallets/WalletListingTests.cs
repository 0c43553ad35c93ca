using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Wallets;

namespace BittensorPow.Tests.Registration.Wallets;

public sealed class WalletListingTests
{
    [Fact]
    public void Lists_the_asked_wallets_and_names_each_exact_name_that_found_none()
    {
        string root = Directory.CreateTempSubdirectory("wallets").FullName;
        try
        {
            foreach (var name in new[] { "alice", "bob", "carol" }) Directory.CreateDirectory(Path.Combine(root, name));

            var (all, none) = WalletListing.Run(new WalletListingRequest(root));
            var (some, missing) = WalletListing.Run(new WalletListingRequest(root)
            {
                Matches = name => name.StartsWith('a') || name == "carol", ExactNames = ["carol", "dave", "ALICE"],
            });

            Assert.Equal(["alice", "bob", "carol"], all.Select(w => w.Name));
            Assert.Empty(none);
            Assert.Equal(["alice", "carol"], some.Select(w => w.Name));
            var error = Assert.Single(missing);
            Assert.Equal((ErrorIds.WalletNotFound, "dave"), (error.Id, error.Target));
            Assert.Equal($"Wallet 'dave' was not found in '{root}'.", error.Message);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void A_folder_that_does_not_exist_ends_the_whole_call()
    {
        string root = Path.Combine(Path.GetTempPath(), "no-such-wallets-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<PowException>(() => WalletListing.Run(new WalletListingRequest(root)));
        Assert.Equal((ErrorIds.WalletNotFound, PowErrorScope.Pipeline), (e.Error.Id, e.Error.Scope));
    }
}
