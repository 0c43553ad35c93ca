using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Registration.Workflows;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>Reads the head (or a numbered block) and, with -NetUid, what a registration needs to know about the subnet.</summary>
[Cmdlet(VerbsCommon.Get, "SubtensorBlock")]
[OutputType(typeof(SubtensorBlock))]
public sealed class GetSubtensorBlockCommand : PowCmdletBase
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    public string? Endpoint { get; set; }

    [Parameter]
    [ValidateSet("finney", "test", "local")]
    public string? Network { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("BlockNumber")]
    public ulong? Number { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public ushort? NetUid { get; set; }

    [Parameter, ValidateRange(1, 3600)]
    public double TimeoutSec { get; set; } = 30;

    protected override void Process()
    {
        var request = new BlockQueryRequest(Endpoint, Network, TimeSpan.FromSeconds(TimeoutSec)) { Number = Number, NetUid = NetUid };
        var r = BlockQuery.Run(request, Output, Cancellation);
        var (header, profile, subnet) = (r.Header, r.Profile, r.Subnet is { Exists: true } s ? s : null);
        WriteObject(new SubtensorBlock
        {
            Number = header.Number, Hash = header.Hash.ToString(), ParentHash = header.ParentHash.ToString(),
            SpecName = profile.SpecName, SpecVersion = profile.SpecVersion, Endpoint = r.Endpoint,
            NetUid = r.Subnet?.NetUid, SubnetExists = r.Subnet?.Exists, Difficulty = subnet?.Difficulty,
            PowRegistrationAllowed = subnet?.PowRegistrationAllowed, RegistrationAllowed = subnet?.RegistrationAllowed,
            SealByteOrder = r.SealByteOrder, RegisterVerifiesWork = profile.RegisterVerifiesWork, Burn = r.BurnRao is { } b ? Tao.FromRao(b) : null,
            FaucetCall = profile.HasFaucet ? "Listed" : "NotListed", RegisterLimitCall = profile.HasRegisterLimit ? "Listed" : "NotListed",
        });
    }
}
