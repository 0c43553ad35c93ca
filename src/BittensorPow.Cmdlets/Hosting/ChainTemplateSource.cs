using System.Collections.Concurrent;
using System.Diagnostics;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// Work from the chain: each head pushed by chain_subscribeNewHeads becomes a new template (with the
/// subnet's difficulty at that block), which the workers pick up at their next round. A solution counts
/// only while its block is inside the chain's window relative to the newest head (SPEC §3).
/// </summary>
internal sealed class ChainTemplateSource : IBlockTemplateSource
{
    private readonly SubtensorClient _client;
    private readonly ushort _netUid;
    private readonly byte[] _hotkey;
    private readonly SealByteOrder _order;
    private readonly CancellationToken _cancellation;
    private readonly bool _fixedDifficulty;
    private readonly object _gate = new();
    private BlockTemplate _current;
    private ulong _head;

    /// <param name="fixedDifficulty">The faucet's difficulty is a constant: do not read a subnet's on new heads.</param>
    public ChainTemplateSource(SubtensorClient client, ushort netUid, byte[] hotkey, SealByteOrder order, BlockHeader head, ulong difficulty,
        CancellationToken cancellation, bool fixedDifficulty = false)
    {
        _fixedDifficulty = fixedDifficulty;
        _client = client;
        _netUid = netUid;
        _hotkey = hotkey;
        _order = order;
        _cancellation = cancellation;
        _head = head.Number;
        _current = new BlockTemplate(head.Number, head.Hash, hotkey, difficulty, order);
    }

    public BlockTemplate Current => Volatile.Read(ref _current);
    public ulong Head => Volatile.Read(ref _head);
    public ConcurrentQueue<string> Messages { get; } = new();

    public bool IsStillValid(BlockTemplate template) => !StalenessCheck.IsStale(template.BlockNumber, Head);

    /// <summary>Called on the subscription's thread: never block it (the reply to our own storage read arrives on it).</summary>
    public void OnHead(BlockHeader header)
    {
        long announced = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (header.Number <= _head && header.Number <= Current.BlockNumber) return;
            if (header.Number > _head) Volatile.Write(ref _head, header.Number);
        }
        _ = Task.Run(async () =>
        {
            try
            {
                ulong difficulty = _fixedDifficulty
                    ? Current.Difficulty.Value
                    : (await _client.GetSubnetInfoAsync(_netUid, header.HashHex, _cancellation).ConfigureAwait(false)).Difficulty;
                if (difficulty == 0) { Messages.Enqueue($"Block {header.Number}: subnet {_netUid} difficulty reads 0; keeping the previous work."); return; }
                var template = new BlockTemplate(header.Number, header.Hash, _hotkey, difficulty, _order) { AnnouncedTimestamp = announced };
                lock (_gate)
                {
                    if (template.BlockNumber <= Current.BlockNumber && template.Difficulty.Value == Current.Difficulty.Value) return;
                    if (template.BlockNumber < Current.BlockNumber) return;
                    Volatile.Write(ref _current, template);
                }
                Messages.Enqueue($"New head #{header.Number} {header.HashHex}: difficulty {difficulty:N0}; template ready {Stopwatch.GetElapsedTime(announced).TotalMilliseconds:F1} ms after the notification.");
            }
            catch (OperationCanceledException) { }
            catch (Exception ex)
            {
                Messages.Enqueue($"Could not read subnet {_netUid} at new head #{header.Number}: {ex.Message}. Keeping block {Current.BlockNumber} until the next head.");
            }
        });
    }
}
