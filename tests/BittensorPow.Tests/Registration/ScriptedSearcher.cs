using BittensorPow.Engine;
using BittensorPow.Engine.Backends;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// A fake back end for fault cases: <see cref="Script"/> decides each round. <see cref="FirstPassing"/> is the honest
/// answer (the first passing position of the range, found on the reference path). A searcher's range and answer are
/// search positions, which the challenge maps to nonces (<see cref="Challenge.NonceAt"/>: the identity for the legacy
/// seal, a rotation for PowRegisterV1), so the helpers verify the nonce at each position.
/// </summary>
public sealed class ScriptedSearcher(
    Func<ScriptedSearcher, BlockTemplate, ulong, ulong, CancellationToken, (bool Found, ulong Nonce)> script) : ISealSearcher
{
    public Func<ScriptedSearcher, BlockTemplate, ulong, ulong, CancellationToken, (bool Found, ulong Nonce)> Script { get; } = script;
    public BlockTemplate? Template { get; private set; }
    public int Calls;

    public string Name => "Scripted";
    public ulong PreferredBatch => 1_000;
    public void Prepare(BlockTemplate template) => Template = template;

    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong nonce)
    {
        Interlocked.Increment(ref Calls);
        var (found, n) = Script(this, Template!, start, count, cancellation);
        nonce = n;
        return found;
    }

    public static (bool, ulong) FirstPassing(BlockTemplate template, ulong start, ulong count)
    {
        for (ulong i = 0; i < count; i++)
            if (template.Verify(template.Challenge.NonceAt(unchecked(start + i)), out _)) return (true, unchecked(start + i));
        return (false, 0);
    }

    public static ulong FirstFailing(BlockTemplate template, ulong start)
    {
        for (ulong p = start; ; p++) if (!template.Verify(template.Challenge.NonceAt(p), out _)) return p;
    }

    public void Dispose() { }
}
