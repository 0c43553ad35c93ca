namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Writes new keys into btcli's layout: &lt;root&gt;/&lt;wallet&gt;/coldkey and coldkeypub.txt, hotkeys/&lt;name&gt; and
/// &lt;name&gt;pub.txt. Every file is created owner-only (0600, as btwallet leaves them) from its first byte, and the
/// folders it creates are 0700 (btwallet's are the umask's default; they list the keys, so they stay the owner's).
/// Nothing that exists is replaced unless asked; all files are staged beside their targets first, so a failure before
/// the final renames leaves nothing behind.
/// </summary>
public static class WalletWriter
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>A wallet or hotkey name must be one plain file name, as btcli uses it in paths.</summary>
    /// <exception cref="WalletFileException">InvalidWalletName.</exception>
    public static void CheckName(string name, string what, bool hotkey)
    {
        string? why = string.IsNullOrWhiteSpace(name) ? "is empty"
            : name.Any(char.IsControl) ? "holds a control character"
            : name.IndexOfAny(['/', '\\', .. Path.GetInvalidFileNameChars()]) >= 0 ? "holds a path separator or a character a file name cannot have"
            : name.StartsWith('.') ? "starts with '.' (such files are hidden, and '..' names the parent folder)"
            : hotkey && name.EndsWith("pub.txt", StringComparison.Ordinal) ? "ends with 'pub.txt', which names a hotkey's public file"
            : null;
        if (why is not null)
            throw new WalletFileException(WalletError.InvalidWalletName, name.Replace("\0", "\\0"),
                $"The {what} name '{name.Replace("\0", "\\0")}' {why}: it must be a plain file name.");
    }

    /// <exception cref="WalletFileException">KeyfileExists, naming every file of <paramref name="paths"/> that is there.</exception>
    public static void EnsureAbsent(IEnumerable<string> paths)
    {
        var existing = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (existing.Count > 0)
            throw new WalletFileException(WalletError.KeyfileExists, existing[0],
                $"{(existing.Count == 1 ? "A file is" : "Files are")} already there: {string.Join(", ", existing)}. Nothing was written.");
    }

    /// <summary>Writes every key's keyfile and public file; with <paramref name="overwrite"/> false, refuses if any exists.</summary>
    /// <exception cref="WalletFileException">KeyfileExists.</exception>
    public static void Write(IReadOnlyList<NewKeyfile> keys, bool overwrite)
    {
        var files = keys.SelectMany(k => new[] { (Path: k.Path, Content: k.Content), (Path: k.PublicPath, Content: k.PublicContent) }).ToList();
        if (!overwrite) EnsureAbsent(files.Select(f => f.Path));
        var staged = new List<(string Temp, string Target)>();
        var placed = new List<string>();
        try
        {
            foreach (var (target, content) in files)
            {
                string folder = Path.GetDirectoryName(target)!;
                CreateFolder(folder);
                // A dot name: Get-BittensorWallet does not list it, should a crash leave it behind.
                string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                staged.Add((temp, target));
                WriteOwnerOnly(temp, content);
            }
            foreach (var (temp, target) in staged)
            {
                File.Move(temp, target, overwrite);
                placed.Add(target);
            }
        }
        catch (IOException) when (!overwrite && files.Any(f => File.Exists(f.Path) && !placed.Contains(f.Path)))
        {
            // Another process made one of the files after the check: undo ours, which were new.
            foreach (var path in placed) File.Delete(path);
            EnsureAbsent(files.Select(f => f.Path).Except(placed));
            throw;
        }
        finally
        {
            foreach (var (temp, _) in staged) File.Delete(temp);
        }
    }

    /// <summary>Creates the missing folders of the path, each owner-only (CreateDirectory's mode applies to the last one only).</summary>
    private static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder)) return;
        CreateFolder(Path.GetDirectoryName(folder)!);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
