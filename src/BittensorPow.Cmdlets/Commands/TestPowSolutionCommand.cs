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

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Hash)]
    public string BlockHash { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ulong BlockNumber { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ulong Difficulty { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)]
    public string Hotkey { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ulong Nonce { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Hash)]
    public string? Seal { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Name)]
    public SealByteOrder SealByteOrder { get; set; } = SealByteOrder.LittleEndian;

    /// <summary>Legacy unless given: solutions saved before pow_register carry no Scheme.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SealScheme Scheme { get; set; } = SealScheme.Legacy;

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ushort? NetUid { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)]
    public string? Coldkey { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Url)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    public string? Endpoint { get; set; }

    [Parameter, BoundedText(TextKind.Number), ValidateRange(1, 3600)]
    public double TimeoutSec { get; set; } = 30;

    [Parameter(ParameterSetName = DetailedSet, Mandatory = true)]
    public SwitchParameter Detailed { get; set; }

    [Parameter(ParameterSetName = PassThruSet, Mandatory = true)]
    public SwitchParameter PassThru { get; set; }

    // One connection for the whole pipeline, not one per solution.
    private readonly ChainSessions _sessions = new();

    private bool _orderOnCommandLine;

    /// <summary>Before the first record only the command line is bound: a -SealByteOrder given there beats a piped one.</summary>
    protected override void Begin() => _orderOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(SealByteOrder));

    /// <summary>
    /// PowerShell drops a piped property it cannot convert and binds the default instead; a piped byte order is read
    /// here so that an unknown one is an error, never a silent LittleEndian.
    /// </summary>
    private SealByteOrder ByteOrder() => !_orderOnCommandLine && InputObject?.Properties[nameof(SealByteOrder)] is not null
        ? PipedSolution.Of(InputObject).ByteOrder(null)
        : UserInput.ByteOrder(SealByteOrder);

    protected override void Process()
    {
        var scheme = InputObject?.Properties[nameof(Scheme)] is not null ? PipedSolution.Of(InputObject).Scheme() : Scheme;
        var work = new WorkBinding(scheme, BlockNumber, UserInput.BlockHash(BlockHash), UserInput.Hotkey(Hotkey))
        {
            SealByteOrder = ByteOrder(), NetUid = NetUid, Coldkey = Coldkey is { } c ? UserInput.Coldkey(c) : null,
        };
        // Export-Csv writes an offline solution's null Endpoint as "": such a record is checked offline.
        bool csvOffline = Endpoint == "" && InputObject?.Properties[nameof(Endpoint)]?.Value is "";
        var request = new SolutionCheckRequest(work, Difficulty, Nonce, _sessions)
        {
            ClaimedSeal = Seal is null ? null : UserInput.Seal(Seal), Endpoint = csvOffline ? null : Endpoint,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
        };
        var verification = PowVerification.From(request, SolutionCheck.Run(request, Output, Cancellation));
        if (ParameterSetName == DetailedSet) WriteObject(verification);
        else if (ParameterSetName == PassThruSet)
        {
            if (verification.IsValid) WriteObject(InputObject?.BaseObject is PowSolution ? InputObject : (object?)InputObject ?? verification);
            else WriteError(new PowError(ErrorIds.InvalidSolution, PowErrorCategory.InvalidResult, InputObject?.BaseObject ?? Nonce,
                $"Solution nonce {Nonce} for block {BlockNumber} is not valid: {verification.Reason}",
                "Solve again with New-PowSolution; a solution is valid only for its own block, keys, subnet, difficulty and rule."));
        }
        else WriteObject(verification.IsValid);
    }

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose() => _sessions.Dispose();
}
