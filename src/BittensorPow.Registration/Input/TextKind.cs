namespace BittensorPow.Registration.Input;

/// <summary>What a parameter holds, and so the longest text that can be one: far above any real value, far below an attack.</summary>
public enum TextKind
{
    /// <summary>A whole or decimal number (a nonce, a block number, a difficulty, a netuid, a byte order's number).</summary>
    Number,
    /// <summary>0x and 64 hex digits (a block hash, a seal).</summary>
    Hash,
    /// <summary>An SS58 address or a 0x public key.</summary>
    Key,
    /// <summary>A node's URL.</summary>
    Url,
    /// <summary>A wallet or hotkey name (one path segment), a network name.</summary>
    Name,
    /// <summary>A folder path.</summary>
    Path,
}
