namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Reads a whole keyfile, and turns everything that can stand between a path and its bytes — a folder where the file
/// should be, a symbolic link that loops or leads nowhere, no permission, a file far larger than any keyfile (or one
/// that never ends, like /dev/zero), an I/O error — into a <see cref="WalletFileException"/> naming the path.
/// </summary>
public static class KeyfileBytes
{
    /// <summary>Keyfiles are a few hundred bytes (a $NACL coldkey ~300, a JSON hotkey ~600); anything past this is not one.</summary>
    public const int MaxLength = 64 * 1024;

    /// <exception cref="WalletFileException">KeyfileNotFound, or KeyfileUnreadable saying why.</exception>
    public static byte[] Read(string path) => Open(path, stream =>
    {
        // Read one byte past the limit rather than trust Length: a device or a file still growing reports none.
        var buffer = new byte[MaxLength + 1];
        int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bytes = length > MaxLength ? null : buffer[..length];
        Array.Clear(buffer);
        return bytes ?? throw Unreadable(path, $"is larger than {MaxLength / 1024} KiB, far more than any keyfile");
    });

    /// <summary>Only the first <paramref name="count"/> bytes (fewer when the file is shorter): enough to tell a format, no more.</summary>
    /// <exception cref="WalletFileException">KeyfileNotFound, or KeyfileUnreadable saying why.</exception>
    public static byte[] ReadHead(string path, int count) => Open(path, stream =>
    {
        var head = new byte[count];
        return head[..stream.ReadAtLeast(head, count, throwOnEndOfStream: false)];
    });

    private static T Open<T>(string path, Func<FileStream, T> read)
    {
        if (Directory.Exists(path)) throw Unreadable(path, "is a folder, not a keyfile");
        if (!File.Exists(path)) throw new WalletFileException(WalletError.KeyfileNotFound, path, $"Keyfile '{path}' does not exist.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return read(stream);
        }
        catch (FileNotFoundException) { throw Dangling(path); }
        catch (DirectoryNotFoundException) { throw Dangling(path); }
        catch (UnauthorizedAccessException) { throw Unreadable(path, "cannot be read: permission denied"); }
        catch (IOException e) when (e is not WalletFileException)
        {
            throw Unreadable(path, IsLoop(path)
                ? "is a symbolic link that loops (too many levels of symbolic links)" : $"cannot be read: {Reason(e, path)}");
        }
    }

    /// <summary>File.Exists is true for a link whose target is missing; opening it then finds nothing.</summary>
    private static WalletFileException Dangling(string path) =>
        new FileInfo(path).LinkTarget is { } target
            ? new(WalletError.KeyfileNotFound, path, $"Keyfile '{path}' is a symbolic link to '{target}', which does not exist.")
            : new(WalletError.KeyfileNotFound, path, $"Keyfile '{path}' does not exist.");

    private static bool IsLoop(string path)
    {
        try { new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true); return false; }
        catch (IOException) { return true; }
    }

    /// <summary>The OS's words, without the path it appends (the message names the path once).</summary>
    private static string Reason(IOException e, string path) => e.Message.Replace($" : '{path}'", "").Replace($" '{path}'", "").TrimEnd('.');

    private static WalletFileException Unreadable(string path, string why) =>
        new(WalletError.KeyfileUnreadable, path, $"Keyfile '{path}' {why}.");
}
