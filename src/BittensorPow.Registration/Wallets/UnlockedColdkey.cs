namespace BittensorPow.Registration.Wallets;

/// <summary>
/// A coldkey unlocked at most once for a whole pipeline: argon2i takes seconds and 512 MiB, so a hundred piped hotkeys
/// must not decrypt it a hundred times. Each caller gets its own copy to dispose; this holder zeroes the original when
/// the pipeline ends.
/// </summary>
public sealed class UnlockedColdkey(Func<Sr25519KeyPair> unlock) : IDisposable
{
    private Sr25519KeyPair? _key;

    /// <summary>How many times the keyfile was actually decrypted (0 or 1).</summary>
    public int Unlocks { get; private set; }

    public Sr25519KeyPair Get()
    {
        if (_key is null)
        {
            _key = unlock();
            Unlocks++;
        }
        return _key.Copy();
    }

    public void Dispose()
    {
        _key?.Dispose();
        _key = null;
    }
}
