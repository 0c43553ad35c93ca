using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Input;

/// <summary>Tab completion shared by the completers: matching, quoting, and the wallet folder in effect.</summary>
internal static class Completion
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word, string? tooltip = null)
    {
        string typed = word.Trim('\'', '"');
        foreach (var v in values.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase))
        {
            if (!v.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
            string text = v.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or ';' or '(' or ')' or '{' or '}' or '@' or '#' or ',')
                ? "'" + v.Replace("'", "''") + "'" : v;
            yield return new CompletionResult(text, v, CompletionResultType.ParameterValue, tooltip ?? v);
        }
    }

    /// <summary>-WalletPath as typed on the command line, else BT_WALLET_PATH, else btcli's default.</summary>
    public static string? WalletRoot(IDictionary bound)
    {
        try { return WalletPaths.ExpandRoot(bound["WalletPath"] as string ?? Environment.GetEnvironmentVariable("BT_WALLET_PATH")); }
        catch (ArgumentException) { return null; }
    }

    public static IEnumerable<string> Directories(string? path) =>
        path is not null && Directory.Exists(path) ? Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>() : [];
}

/// <summary>-Wallet, Get-BittensorWallet -Name: the wallets under the wallet path in effect.</summary>
public sealed class WalletNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(Completion.Directories(Completion.WalletRoot(fakeBoundParameters)), wordToComplete);
}

/// <summary>-WalletHotkey: the hotkeys of the wallet in effect (-Wallet, BT_WALLET_NAME, or 'default').</summary>
public sealed class WalletHotkeyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var root = Completion.WalletRoot(fakeBoundParameters);
        if (root is null) return [];
        string wallet = fakeBoundParameters["Wallet"] as string ?? Environment.GetEnvironmentVariable("BT_WALLET_NAME") ?? "default";
        var folder = Path.Combine(root, wallet, "hotkeys");
        if (!Directory.Exists(folder)) return [];
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.EndsWith("pub.txt", StringComparison.Ordinal));
        return Completion.Matching(names, wordToComplete);
    }
}

/// <summary>-Endpoint: BT_SUBTENSOR_CHAIN_ENDPOINT, then the known networks' URLs.</summary>
public sealed class EndpointCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var env = Environment.GetEnvironmentVariable("BT_SUBTENSOR_CHAIN_ENDPOINT");
        string[] known = [ChainEndpoint.Local, ChainEndpoint.Finney, ChainEndpoint.Test];
        return Completion.Matching(string.IsNullOrWhiteSpace(env) ? known : [env.Trim(), .. known], wordToComplete);
    }
}

/// <summary>-DeviceId: the ids of the GPU devices present (of the kind -Cuda / -OpenCL / -Backend asks for, when given).</summary>
public sealed class DeviceIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        PowBackend? kind = fakeBoundParameters.Contains("Cuda") ? PowBackend.Cuda
            : fakeBoundParameters.Contains("OpenCL") ? PowBackend.OpenCL
            : fakeBoundParameters["Backend"] is { } b && Enum.TryParse<PowBackend>(b.ToString(), true, out var named) ? named : null;
        var devices = GpuDevices.List(out _).Where(d => d.Kind.IsGpu() && (kind is null || !kind.Value.IsGpu() || d.Kind == kind)).ToList();
        return devices.SelectMany(d => Completion.Matching([d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], wordToComplete, $"{d.Kind} {d.Id}: {d.Name}"))
            .GroupBy(r => r.CompletionText).Select(g => g.First());
    }
}
