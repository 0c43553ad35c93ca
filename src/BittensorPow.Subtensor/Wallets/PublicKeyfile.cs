namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Reads only the public part of a Bittensor keyfile (accountId / publicKey / ss58Address).
/// The secret fields are never materialised: the JSON is walked and only public properties are copied.
/// </summary>
public static class PublicKeyfile
{
    public static byte[] ReadPublicKey(string path)
    {
        byte[] raw = KeyfileBytes.Read(path);
        try { return ParsePublicKey(raw, path); }
        finally { Array.Clear(raw); }
    }

    public static byte[] ParsePublicKey(ReadOnlySpan<byte> json, string path)
    {
        if (json.StartsWith("$NACL"u8) || json.StartsWith("$ANSIBLE_VAULT"u8) || json.StartsWith("gAAAAA"u8))
            throw new WalletFileException(WalletError.KeyfileEncrypted, path,
                $"Keyfile '{path}' is encrypted; its public key is in the matching *pub.txt file.");
        string? accountId = null, publicKey = null, ss58 = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    switch (name)
                    {
                        case "accountId": accountId = reader.GetString(); break;
                        case "publicKey": publicKey = reader.GetString(); break;
                        case "ss58Address": ss58 = reader.GetString(); break;
                    }
                }
                else reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // GetString: invalid UTF-8 in a string
        {
            throw new WalletFileException(WalletError.KeyfileNotJson, path, $"Keyfile '{path}' is not a JSON Bittensor keyfile.");
        }
        foreach (var candidate in new[] { publicKey, accountId })
            if (candidate is not null && AccountId.TryParse(candidate, out var key, out _)) return key!;
        if (ss58 is not null && Ss58.TryDecode(ss58, Ss58.BittensorPrefix, out var fromSs58, out _)) return fromSs58!;
        throw new WalletFileException(WalletError.KeyfileNoPublicKey, path,
            $"Keyfile '{path}' has no valid publicKey, accountId or ss58Address field.");
    }
}
