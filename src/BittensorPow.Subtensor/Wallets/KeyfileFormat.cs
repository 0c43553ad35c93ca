namespace BittensorPow.Subtensor.Wallets;

/// <summary>How a keyfile's bytes are stored, told apart by their first bytes as btwallet does.</summary>
public enum KeyfileFormat { Json, Nacl, AnsibleVault, Fernet, Unknown }
