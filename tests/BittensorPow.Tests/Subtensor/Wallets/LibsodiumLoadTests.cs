using System.Security;
using Xunit.Abstractions;
using BittensorPow.Subtensor.Native;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

public class LibsodiumLoadTests(ITestOutputHelper output)
{
    private static byte[] ColdkeyPublic => Hex(SubstrateVectors.GetProperty("sr25519_keys").EnumerateObject()
        .Single(p => p.Name.StartsWith("btwallet test")).Value.GetProperty("public").GetString()!);
    private static string OurFolder => Path.GetDirectoryName(typeof(NaclKeyfile).Assembly.Location)!;

    // This machine also has Debian's libsodium23 in /usr/lib: decrypting proves nothing about WHICH library ran,
    // so the test reads the process's own memory map. (pwsh, where the deps.json differs, is tests/pester/Libsodium.Tests.ps1.)
    [Fact]
    public void Unlocking_the_coldkey_maps_the_libsodium_beside_our_assembly_and_no_other()
    {
        var password = new SecureString();
        foreach (char c in SubstrateVectors.GetProperty("bittensor_nacl_coldkey").GetProperty("password").GetString()!) password.AppendChar(c);
        using (var coldkey = SecretKeyfile.ReadColdkey(PathOf("wallet"), "default", password))
            Assert.Equal(ColdkeyPublic, coldkey.PublicKey);

        Assert.NotNull(Libsodium.LoadedFrom);
        Assert.StartsWith(OurFolder + Path.DirectorySeparatorChar, Libsodium.LoadedFrom);
        if (!OperatingSystem.IsLinux()) return;

        Assert.Equal(Path.Combine(OurFolder, "runtimes", "linux-x64", "native", "libsodium.so"), Libsodium.LoadedFrom);
        var mapped = MappedFiles().Where(f => Path.GetFileName(f).StartsWith("libsodium", StringComparison.Ordinal)).Distinct().ToList();
        output.WriteLine($"libsodium mapped from: {string.Join(", ", mapped)}");
        Assert.Equal([Libsodium.LoadedFrom], mapped);
    }

    [Fact]
    public void Candidates_are_our_runtimes_folder_then_our_folder()
    {
        var candidates = Libsodium.CandidatePaths();
        Assert.All(candidates, c => Assert.StartsWith(OurFolder + Path.DirectorySeparatorChar, c));
        Assert.Contains(candidates, c => c.Contains(Path.Combine("runtimes", "")) && File.Exists(c));
        Assert.Equal(OurFolder, Path.GetDirectoryName(candidates[^1]));
    }

    /// <summary>The path column of /proc/self/maps: the sixth field, which may itself contain spaces.</summary>
    private static IEnumerable<string> MappedFiles() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => fields[5].Trim());
}
