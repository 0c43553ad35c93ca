namespace BittensorPow.Subtensor.Crypto;

/// <summary>How a 64-byte sr25519 secret key is laid out.</summary>
public enum Sr25519SecretFormat
{
    /// <summary>schnorrkel's SecretKey::to_bytes: scalar ‖ nonce. Bittensor keyfiles' privateKey.</summary>
    Schnorrkel,
    /// <summary>schnorrkel's to_ed25519_bytes: (scalar·8) ‖ nonce. polkadot.js's secretKey.</summary>
    Ed25519,
}
