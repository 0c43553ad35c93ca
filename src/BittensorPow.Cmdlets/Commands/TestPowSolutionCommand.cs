using System.Management.Automation;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>Recomputes a solution's seal on the reference path and applies the chain's difficulty rule.</summary>
[Cmdlet(VerbsDiagnostic.Test, "PowSolution", DefaultParameterSetName = Default)]
[OutputType(typeof(bool), ParameterSetName = [Default])]
[OutputType(typeof(PowVerification), ParameterSetName = [DetailedSet])]
[OutputType(typeof(PowSolution), ParameterSetName = [PassThruSet])]
public sealed class TestPowSolutionCommand : PowCmdletBase, IDisposable
{
    private const string Default = nameof(Default);
    private const string DetailedSet = "Detailed";
    private const string PassThruSet = "PassThru";

    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string BlockHash { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ulong BlockNumber { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ulong Difficulty { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Hotkey { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ulong Nonce { get; set; }

    /// <summary>The seal the solution claims; when given it must match the recomputed one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Seal { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SealByteOrder SealByteOrder { get; set; } = SealByteOrder.LittleEndian;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Endpoint { get; set; }

    [Parameter(ParameterSetName = DetailedSet, Mandatory = true)]
    public SwitchParameter Detailed { get; set; }

    [Parameter(ParameterSetName = PassThruSet, Mandatory = true)]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => TryRun(() =>
    {
        var verification = Verify();
        if (ParameterSetName == DetailedSet) WriteObject(verification);
        else if (ParameterSetName == PassThruSet)
        {
            if (verification.IsValid) WriteObject(InputObject?.BaseObject is PowSolution ? InputObject : (object?)InputObject ?? verification);
            else WriteError(PowErrors.Create(ErrorIds.InvalidSolution, ErrorCategory.InvalidResult, InputObject?.BaseObject ?? Nonce,
                $"Solution nonce {Nonce} for block {BlockNumber} is not valid: {verification.Reason}",
                "Solve again with New-PowSolution; a solution is only valid for its own block, hotkey, difficulty and byte order."));
        }
        else WriteObject(verification.IsValid);
    });

    // One connection per endpoint for the whole pipeline, not one per solution.
    private readonly Dictionary<string, ChainSession> _chains = new(StringComparer.OrdinalIgnoreCase);

    private ChainSession ChainFor(string endpoint)
    {
        if (!_chains.TryGetValue(endpoint, out var chain)) _chains[endpoint] = chain = ChainSession.Connect(this, endpoint, null, Cancellation);
        return chain;
    }

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose()
    {
        foreach (var chain in _chains.Values) chain.Dispose();
        _chains.Clear();
    }

    private PowVerification Verify()
    {
        var blockHash = HexInput.Parse32(BlockHash, "BlockHash", ErrorIds.InvalidBlockHash);
        var hotkey = HotkeyResolver.FromText(Hotkey);
        byte[]? claimed = Seal is null ? null : HexInput.Parse32(Seal, "Seal", ErrorIds.InvalidSeal);
        if (Difficulty == 0)
            throw new PowErrorRecordException(PowErrors.InvalidArgument(ErrorIds.InvalidDifficulty, Difficulty,
                "Difficulty 0 is not a real difficulty.", "Pass the subnet's difficulty, at least 1."));
        var template = new BlockTemplate(BlockNumber, blockHash, hotkey, Difficulty, SealByteOrder);
        bool meets = template.Verify(Nonce, out var seal);
        var other = SealByteOrder == SealByteOrder.BigEndian ? SealByteOrder.LittleEndian : SealByteOrder.BigEndian;
        bool meetsOther = new Engine.Difficulty(Difficulty, other).IsMetBy(seal);
        bool? matches = claimed is null ? null : claimed.AsSpan().SequenceEqual(seal);
        var staleness = Endpoint is null ? null : StalenessCheck.Check(ChainFor(Endpoint), BlockNumber, Cancellation);

        string reason =
            matches == false ? $"the seal given ({Seal}) is not the seal of this nonce ({HexInput.Format(seal)})"
            : !meets && meetsOther ? $"the seal does not meet difficulty {Difficulty:N0} under the {SealByteOrder} rule, but does under {other}: solved for the other runtime rule"
            : !meets ? $"the seal does not meet difficulty {Difficulty:N0} under the {SealByteOrder} rule"
            : staleness is { IsStale: true } st ? $"block {BlockNumber} is outside the chain's window (head {st.CurrentBlock}; the chain accepts the head and the block before it)"
            : "valid";
        return new PowVerification
        {
            IsValid = matches != false && meets && staleness is not { IsStale: true },
            Nonce = Nonce, BlockNumber = BlockNumber, Difficulty = Difficulty, Seal = HexInput.Format(seal), SealMatches = matches,
            MeetsDifficulty = meets, SealByteOrder = SealByteOrder, MeetsOtherByteOrder = meetsOther,
            IsStale = staleness?.IsStale, CurrentBlock = staleness?.CurrentBlock, Reason = reason,
        };
    }
}
