namespace BittensorPow.Subtensor.Crypto;

/// <summary>Substrate secret URIs and derivation junctions ("//Alice", "/0", "///password").</summary>
internal static class SecretUri
{
    public static Sr25519KeyPair ToKeyPair(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string password = "";
        int pw = uri.IndexOf("///", StringComparison.Ordinal);
        if (pw >= 0) { password = uri[(pw + 3)..]; uri = uri[..pw]; }
        int firstJunction = uri.IndexOf('/');
        string root = (firstJunction < 0 ? uri : uri[..firstJunction]).Trim();
        string path = firstJunction < 0 ? "" : uri[firstJunction..];
        if (root.Length == 0) root = SubstrateBip39.DevPhrase;

        byte[] mini;
        if (root.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (root.Length != 66) throw new FormatException("A hex secret seed is 32 bytes (64 hex digits).");
            try { mini = Convert.FromHexString(root.AsSpan(2)); }
            catch (FormatException) { throw new FormatException("The secret seed is not valid hex."); }
        }
        else mini = SubstrateBip39.MiniSecretFromPhrase(root, password);

        Sr25519KeyPair pair;
        try { pair = Sr25519KeyPair.FromMiniSecret(mini); }
        finally { CryptographicOperations.ZeroMemory(mini); }
        return Derive(pair, path);
    }

    /// <summary>Applies a junction path to a key pair, disposing the intermediate pairs.</summary>
    public static Sr25519KeyPair Derive(Sr25519KeyPair pair, string path)
    {
        foreach (var (hard, chainCode) in ParsePath(path))
        {
            var next = hard ? pair.DeriveHard(chainCode) : pair.DeriveSoft(chainCode);
            pair.Dispose();
            pair = next;
        }
        return pair;
    }

    /// <summary>
    /// Splits "//a/b" into junctions; each junction's chain code is its SCALE encoding (u64 if numeric, else str), padded
    /// to 32 or hashed if longer.
    /// </summary>
    public static List<(bool Hard, byte[] ChainCode)> ParsePath(string path)
    {
        var result = new List<(bool, byte[])>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] != '/') throw new FormatException("A derivation path is a series of /soft or //hard junctions.");
            bool hard = i + 1 < path.Length && path[i + 1] == '/';
            i += hard ? 2 : 1;
            int end = path.IndexOf('/', i);
            if (end < 0) end = path.Length;
            string code = path[i..end];
            if (code.Length == 0) throw new FormatException("A derivation junction is empty.");
            result.Add((hard, ChainCode(code)));
            i = end;
        }
        return result;
    }

    public static byte[] ChainCode(string junction)
    {
        var encoded = ulong.TryParse(junction, System.Globalization.NumberStyles.None, null, out ulong n)
            ? new ScaleWriter().U64(n).ToArray()
            : new ScaleWriter().Str(junction).ToArray();
        if (encoded.Length > 32) return SubstrateHash.Blake2b256(encoded);
        var code = new byte[32];
        encoded.CopyTo(code, 0);
        return code;
    }
}
