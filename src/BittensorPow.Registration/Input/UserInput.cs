namespace BittensorPow.Registration.Input;

/// <summary>Text users type or pipe, turned into values once, with an error that names the parameter and what to pass.</summary>
public static class UserInput
{
    public static BlockHash BlockHash(string? text, string parameter = "BlockHash") =>
        Subtensor.Chain.Blocks.BlockHash.TryParse(text, out var hash, out var error) ? hash
        : throw PowException.Argument(ErrorIds.InvalidBlockHash, text, $"{parameter} {error}",
            $"Pass {parameter} as 0x followed by 64 hex digits, as shown by a block explorer or Get-SubtensorBlock.");

    public static byte[] Seal(string? text) =>
        Hex.TryDecodeFixed(text, 32, out var seal, out var error) ? seal
        : throw PowException.Argument(ErrorIds.MalformedSeal, text, $"Seal {error}",
            "Pass the seal as 0x followed by 64 hex digits, as New-PowSolution writes it.");

    public static byte[] Hotkey(string text) => Key(text, "Hotkey", ErrorIds.InvalidHotkey);

    public static byte[] Coldkey(string text) => Key(text, "Coldkey", ErrorIds.InvalidColdkey);

    private static byte[] Key(string text, string name, string errorId)
    {
        if (AccountId.TryParse(text, out var key, out var error)) return key!;
        bool looksHex = text.TrimStart().StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        string lower = name.ToLowerInvariant();
        throw PowException.Argument(errorId, text, $"{name} is not valid: {error}",
            looksHex ? $"Pass the {lower}'s 32-byte public key as 0x + 64 hex digits, or its SS58 address."
                     : $"Pass the {lower}'s SS58 address (5…, prefix 42) or its 0x public key; Get-BittensorWallet shows them.");
    }

    /// <summary>btcli's wallet defaults, with a wallet path that cannot be a path (a NUL in it) as our error, not .NET's.</summary>
    public static (string Wallet, string Hotkey, string Root) Wallet(string? wallet, string? hotkey, string? path)
    {
        var resolved = WalletDefaults.Resolve(wallet, hotkey, path);
        try { _ = WalletPaths.ExpandRoot(resolved.Item3); }
        catch (ArgumentException ex)
        {
            throw PowException.Pipeline(ErrorIds.InvalidWalletPath, PowErrorCategory.InvalidArgument,
                resolved.Item3.Replace("\0", "\\0"),
                $"-WalletPath is not a usable folder path: {ex.Message}",
                "Give the folder that holds your wallets (btcli's default is ~/.bittensor/wallets), without control characters.");
        }
        return resolved;
    }

    /// <summary>
    /// -Cuda/-OpenCL are short for -Backend Cuda/OpenCL; two of them naming different back ends would leave one silently
    /// ignored, so they are refused.
    /// </summary>
    public static PowBackend ChooseBackend(PowBackend backend, bool backendGiven, bool cuda, bool openCL)
    {
        if (cuda && openCL)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Cuda -OpenCL", "-Cuda and -OpenCL both choose the back end.",
                "Give one of them (or -Backend Cuda / -Backend OpenCL); -DeviceId picks several devices of that kind.");
        if (!cuda && !openCL) return backend;
        var chosen = cuda ? PowBackend.Cuda : PowBackend.OpenCL;
        if (backendGiven && backend != chosen)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, $"-{chosen} -Backend {backend}",
                $"-{chosen} and -Backend {backend} both choose the back end, and they name different ones.",
                $"Give one: -{chosen} (the same as -Backend {chosen}) for GPUs, or -Backend {backend} alone.");
        return chosen;
    }

    /// <summary>-Hotkey names the key outright; wallet parameters beside it would be silently ignored, so they are refused.</summary>
    public static void HotkeyOrWallet(string? hotkey, string? wallet, string? walletHotkey, string? walletPath)
    {
        if (hotkey is null) return;
        string? walletParameter = wallet is not null ? "-Wallet"
            : walletHotkey is not null ? "-WalletHotkey"
            : walletPath is not null ? "-WalletPath"
            : null;
        if (walletParameter is not null)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, $"-Hotkey {walletParameter}",
                $"-Hotkey and {walletParameter} both say which hotkey to solve for: -Hotkey gives it outright, " +
                $"{walletParameter} reads it from a wallet.",
                "Give -Hotkey (SS58 or 0x public key) alone, or leave it out and name the wallet (-Wallet, -WalletHotkey, -WalletPath).");
    }

    /// <summary>GPU-only knobs given for a CPU back end would be silently ignored: refuse them instead.</summary>
    public static void Backend(PowBackend backend, int[]? deviceIds, bool threadsPerBlockGiven)
    {
        if (backend.IsGpu()) return;
        string? gpuOnly = deviceIds is not null ? "-DeviceId" : threadsPerBlockGiven ? "-ThreadsPerBlock" : null;
        if (gpuOnly is not null)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, gpuOnly,
                $"{gpuOnly} applies to GPU back ends, and the back end is {backend}.",
                $"Add -Cuda (or -Backend Cuda / OpenCL / IlgpuCpu) to solve on GPUs, or leave {gpuOnly} out for the CPU.");
    }

    /// <summary>A byte order bound from a number, which PowerShell converts to the enum without checking that it names one.</summary>
    public static SealByteOrder ByteOrder(SealByteOrder order) => Enum.IsDefined(order) ? order
        : throw PowException.Argument(ErrorIds.InvalidSealByteOrder, order, $"SealByteOrder {(int)order} is not a known byte order.",
            "Use LittleEndian or BigEndian.");

    /// <summary>A wallet's coldkey public key, from coldkeypub.txt (no secret is read).</summary>
    public static byte[] WalletColdkey(string? wallet, string? path)
    {
        var (name, _, root) = Wallet(wallet, null, path);
        try { return PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, name)); }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex, passwordParameter: null, publicKeyParameter: "-Coldkey"); }
    }

    /// <summary>A wallet hotkey's public key (only the public key is read).</summary>
    public static (byte[] Key, string Source) WalletHotkey(string? wallet, string? hotkey, string? path)
    {
        (wallet, hotkey, path) = Wallet(wallet, hotkey, path);
        try
        {
            return (Subtensor.Wallets.WalletHotkey.ReadPublicKey(path, wallet, hotkey),
                $"wallet '{wallet}' hotkey '{hotkey}' in {WalletPaths.ExpandRoot(path)}");
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex, passwordParameter: null, publicKeyParameter: "-Hotkey"); }
    }
}
