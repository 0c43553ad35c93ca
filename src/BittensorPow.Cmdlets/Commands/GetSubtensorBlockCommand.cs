namespace BittensorPow.Cmdlets.Commands;

/// <summary>Reads the head (or a numbered block) and, with -NetUid, what a registration needs to know about the subnet.</summary>
[Cmdlet(VerbsCommon.Get, "SubtensorBlock")]
[OutputType(typeof(SubtensorBlock))]
public sealed class GetSubtensorBlockCommand : PowCmdletBase
{
    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Url)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    public string? Endpoint { get; set; }

    [Parameter, BoundedText(TextKind.Name)]
    [ValidateSet("finney", "test", "local")]
    public string? Network { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    [Alias("BlockNumber")]
    public ulong? Number { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ushort? NetUid { get; set; }

    [Parameter, ValidateRange(1, 3600)]
    public double TimeoutSec { get; set; } = 30;

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)] public string? Hotkey { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletHotkeyCompleter))] public string? WalletHotkey { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }

    protected override void Process()
    {
        UserInput.HotkeyOrWallet(Hotkey, Wallet, WalletHotkey, WalletPath);
        byte[]? hotkey = Hotkey is { } text ? UserInput.Hotkey(text)
            : Wallet is not null || WalletHotkey is not null ? UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath).Key : null;
        var request = new BlockQueryRequest(new NodeChoice(Endpoint, Network), TimeSpan.FromSeconds(TimeoutSec))
        {
            Number = Number, NetUid = NetUid, Hotkey = hotkey,
        };
        WriteObject(SubtensorBlock.From(BlockQuery.Run(request, Output, Cancellation), hotkey));
    }
}
