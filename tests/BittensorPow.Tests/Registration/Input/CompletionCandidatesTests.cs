using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;
using BittensorPow.Registration.Input;

namespace BittensorPow.Tests.Registration.Input;

/// <summary>What tab completion offers, from the parameters typed so far; the matching and quoting are Pester's (Completion.Tests).</summary>
public sealed class CompletionCandidatesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bp-complete-").FullName;

    public CompletionCandidatesTests()
    {
        foreach (var wallet in new[] { "alpha", "beta gamma" })
        {
            var hotkeys = Directory.CreateDirectory(Path.Combine(_root, wallet, "hotkeys")).FullName;
            foreach (var h in new[] { "h1", "h2" })
            {
                File.WriteAllText(Path.Combine(hotkeys, h), "{}");
                File.WriteAllText(Path.Combine(hotkeys, h + "pub.txt"), "{}");
            }
        }
        File.WriteAllText(Path.Combine(_root, "not-a-wallet.txt"), "");
    }

    private Func<string, object?> Typed(params (string Name, object Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static string[] Values(IEnumerable<CompletionCandidate> c) => [.. c.Select(x => x.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Wallets_are_the_folders_under_the_wallet_path_typed()
    {
        Assert.Equal(["alpha", "beta gamma"], Values(CompletionCandidates.Wallets(Typed(("WalletPath", _root)))));
        Assert.Empty(CompletionCandidates.Wallets(Typed(("WalletPath", Path.Combine(_root, "missing")))));
    }

    [Fact]
    public void Hotkeys_are_the_keyfiles_of_the_wallet_typed_without_their_pub_txt()
    {
        Assert.Equal(["h1", "h2"], Values(CompletionCandidates.Hotkeys(Typed(("WalletPath", _root), ("Wallet", "beta gamma")))));
        Assert.Empty(CompletionCandidates.Hotkeys(Typed(("WalletPath", _root), ("Wallet", "nobody"))));
    }

    [Fact]
    public void A_wallet_path_that_is_no_path_offers_nothing_and_does_not_throw()
    {
        Assert.Empty(CompletionCandidates.Wallets(Typed(("WalletPath", "bad\0path"))));
        Assert.Empty(CompletionCandidates.Hotkeys(Typed(("WalletPath", "bad\0path"))));
    }

    [Fact]
    public void Endpoints_offer_the_known_networks()
    {
        var offered = Values(CompletionCandidates.Endpoints(Typed()));
        Assert.Contains("ws://127.0.0.1:9944", offered);
        Assert.Contains("wss://entrypoint-finney.opentensor.ai:443", offered);
    }

    [Fact]
    public void Device_ids_are_those_of_the_kind_asked_for_with_the_device_named_in_the_tooltip()
    {
        var ilgpu = GpuDevices.List(out _).Where(d => d.Kind == PowBackend.IlgpuCpu).ToList();
        Assert.NotEmpty(ilgpu);
        var offered = CompletionCandidates.DeviceIds(Typed(("Backend", "ilgpucpu"))).ToList();
        Assert.Equal(ilgpu.Select(d => $"{d.Id}"), offered.Select(c => c.Value));
        Assert.All(offered, c => Assert.StartsWith($"IlgpuCpu {c.Value}: ", c.Tooltip));
        Assert.All(CompletionCandidates.DeviceIds(Typed(("Cuda", true))), c => Assert.StartsWith("Cuda ", c.Tooltip));
        // No kind typed: every GPU-style device (the IlgpuCpu ones included), never the host CPU.
        var untyped = CompletionCandidates.DeviceIds(Typed()).ToList();
        Assert.Superset(offered.Select(c => c.Tooltip).ToHashSet(), untyped.Select(c => c.Tooltip).ToHashSet());
        Assert.DoesNotContain(untyped, c => c.Tooltip!.StartsWith("Cpu ", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
