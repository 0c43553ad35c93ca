namespace BittensorPow.Registration.Input;

/// <summary>
/// What tab completion offers for a parameter, given the parameters typed so far (<c>bound</c>, by name; null when not
/// typed) and the environment. The cmdlets' completers match these to the word typed and quote them.
/// </summary>
public static class CompletionCandidates
{
    /// <summary>-Endpoint: BT_SUBTENSOR_CHAIN_ENDPOINT first, then the known networks' URLs.</summary>
    public static IEnumerable<CompletionCandidate> Endpoints(Func<string, object?> bound)
    {
        var env = Environment.GetEnvironmentVariable("BT_SUBTENSOR_CHAIN_ENDPOINT");
        string[] known = [ChainEndpoint.Local, ChainEndpoint.Finney, ChainEndpoint.Test];
        return (string.IsNullOrWhiteSpace(env) ? known : [env.Trim(), .. known]).Select(u => new CompletionCandidate(u));
    }

    /// <summary>-Wallet, Get-BittensorWallet -Name: the wallet folders under the wallet path in effect.</summary>
    public static IEnumerable<CompletionCandidate> Wallets(Func<string, object?> bound) =>
        WalletRoot(bound) is { } root && Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Select(n => new CompletionCandidate(n))
            : [];

    /// <summary>-WalletHotkey: the hotkeys of the wallet in effect (-Wallet, BT_WALLET_NAME, or 'default'), not their pub.txt files.</summary>
    public static IEnumerable<CompletionCandidate> Hotkeys(Func<string, object?> bound)
    {
        if (WalletRoot(bound) is not { } root) return [];
        string wallet = bound("Wallet") as string ?? Environment.GetEnvironmentVariable("BT_WALLET_NAME") ?? "default";
        var folder = Path.Combine(root, wallet, "hotkeys");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.EndsWith("pub.txt", StringComparison.Ordinal)).Select(n => new CompletionCandidate(n))
            : [];
    }

    /// <summary>-DeviceId: the GPU devices present, of the kind -Cuda, -OpenCL or -Backend asks for when one is typed.</summary>
    public static IEnumerable<CompletionCandidate> DeviceIds(Func<string, object?> bound)
    {
        PowBackend? kind = bound("Cuda") is not null ? PowBackend.Cuda
            : bound("OpenCL") is not null ? PowBackend.OpenCL
            : bound("Backend") is { } b && Enum.TryParse<PowBackend>(b.ToString(), true, out var named) ? named : null;
        return GpuDevices.List(out _).Where(d => d.Kind.IsGpu() && (kind is null || !kind.Value.IsGpu() || d.Kind == kind))
            .Select(d => new CompletionCandidate(d.Id.ToString(CultureInfo.InvariantCulture), $"{d.Kind} {d.Id}: {d.Name}"));
    }

    /// <summary>-WalletPath as typed, else BT_WALLET_PATH, else btcli's default; null when it is no usable path.</summary>
    private static string? WalletRoot(Func<string, object?> bound)
    {
        try { return WalletPaths.ExpandRoot(bound("WalletPath") as string ?? Environment.GetEnvironmentVariable("BT_WALLET_PATH")); }
        catch (ArgumentException) { return null; }
    }
}
