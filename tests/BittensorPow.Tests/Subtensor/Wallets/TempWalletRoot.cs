namespace BittensorPow.Tests.Wallets;

/// <summary>A throw-away wallet root; the shared wallet is copied in (its files are read-only) so tests can add broken files beside it.</summary>
internal sealed class TempWalletRoot : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("btpow-wallets-").FullName;

    public string CopySharedWallet(string name = "default")
    {
        var source = Support.SharedFiles.PathOf("wallet", "default");
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.WriteAllBytes(dest, File.ReadAllBytes(file));
        }
        return target;
    }

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
