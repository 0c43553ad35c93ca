using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Tests.Wallets;

/// <summary>Whatever stands at a keyfile's path, reading it ends in a WalletFileException that names the path and says why.</summary>
public class KeyfileBytesTests
{
    /// <param name="headToo">False where the first bytes can be read (too large): KeyfileFormats.Read reads only those.</param>
    private static WalletFileException Fails(string path, bool headToo = true)
    {
        var error = Assert.Throws<WalletFileException>(() => KeyfileBytes.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains($"'{path}'", error.Message);
        // The other readers go through the same door.
        Assert.Equal(error.Error, Assert.Throws<WalletFileException>(() => PublicKeyfile.ReadPublicKey(path)).Error);
        Assert.Equal(error.Error, Assert.Throws<WalletFileException>(() => SecretKeyfile.Read(path, null)).Error);
        if (headToo) Assert.Equal(error.Error, Assert.Throws<WalletFileException>(() => KeyfileFormats.Read(path)).Error);
        return error;
    }

    [Fact]
    public void A_folder_is_unreadable_not_missing()
    {
        using var root = new TempWalletRoot();
        var path = Directory.CreateDirectory(Path.Combine(root.Root, "hotkeys", "default")).FullName;
        var error = Fails(path);
        Assert.Equal(WalletError.KeyfileUnreadable, error.Error);
        Assert.EndsWith("is a folder, not a keyfile.", error.Message);
    }

    [Fact]
    public void A_symbolic_link_loop_is_unreadable_and_says_so()
    {
        using var root = new TempWalletRoot();
        var a = Path.Combine(root.Root, "a");
        var b = Path.Combine(root.Root, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var error = Fails(a);
        Assert.Equal(WalletError.KeyfileUnreadable, error.Error);
        Assert.Contains("symbolic link that loops", error.Message);
    }

    [Fact]
    public void A_link_to_nothing_is_not_found_and_names_its_target()
    {
        using var root = new TempWalletRoot();
        var link = Path.Combine(root.Root, "dangling");
        File.CreateSymbolicLink(link, Path.Combine(root.Root, "nowhere"));
        var error = Fails(link);
        Assert.Equal(WalletError.KeyfileNotFound, error.Error);
        Assert.Contains("is a symbolic link to", error.Message);
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public void A_file_far_larger_than_a_keyfile_is_unreadable()
    {
        using var root = new TempWalletRoot();
        var path = root.Write("big", new byte[KeyfileBytes.MaxLength + 1]);
        var error = Fails(path, headToo: false);
        Assert.Equal(WalletError.KeyfileUnreadable, error.Error);
        Assert.Contains("larger than 64 KiB", error.Message);
        Assert.Equal(KeyfileBytes.MaxLength, KeyfileBytes.Read(root.Write("limit", new byte[KeyfileBytes.MaxLength])).Length);
    }

    [Fact]
    public void A_link_to_an_endless_device_stops_at_the_limit()
    {
        using var root = new TempWalletRoot();
        var link = Path.Combine(root.Root, "zero");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.Equal(WalletError.KeyfileUnreadable, Fails(link, headToo: false).Error);
    }

    [Fact]
    public void A_file_another_process_holds_exclusively_is_unreadable_with_the_systems_reason()
    {
        using var root = new TempWalletRoot();
        var path = root.Write("locked", "{}"u8.ToArray());
        // .NET takes an advisory exclusive lock for FileShare.None; opening for shared reading then fails.
        using var holder = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var error = Fails(path);
        Assert.Equal(WalletError.KeyfileUnreadable, error.Error);
        Assert.Contains("cannot be read:", error.Message);
    }

    [Fact]
    public void A_missing_file_is_still_not_found() =>
        Assert.Equal(WalletError.KeyfileNotFound, Fails(Path.Combine(Path.GetTempPath(), "btpow-no-such-keyfile")).Error);
}
