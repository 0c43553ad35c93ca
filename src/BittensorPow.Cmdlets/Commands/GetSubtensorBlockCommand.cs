using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;

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

    protected override void Process()
    {
        // -TimeoutSec bounds the whole call: connecting and every read, whichever one the node leaves unanswered.
        using var deadline = new CallDeadline(TimeSpan.FromSeconds(TimeoutSec), Cancellation);
        using var chain = ChainSession.Connect(Endpoint, Network, Output, deadline);
        var client = chain.Client;
        BlockHeader header = Number is { } n
            ? deadline.Run($"reading block {n} from {chain.Endpoint}", ErrorIds.RpcTimeout,
                t => chain.Call(async () => await client.GetHeaderAsync(await client.GetBlockHashAsync(n, t), t)))
            : deadline.Run($"reading the head from {chain.Endpoint}", ErrorIds.RpcTimeout, chain.Head);

        var profile = client.RuntimeProfile;
        var (order, _) = SealRuleChoice.Choose(profile, null);
        var (subnet, burn) = NetUid is { } netUid
            ? deadline.Run($"reading subnet {netUid} at block {header.Number} from {chain.Endpoint}", ErrorIds.RpcTimeout, t =>
            {
                var info = chain.Call(() => client.GetSubnetInfoAsync(netUid, header.Hash, t));
                ulong? rao = info.Exists ? chain.Call(() => client.Subtensor.BurnAsync(netUid, header.Hash, t)) : null;
                return ((SubnetInfo?)info, rao);
            })
            : (null, null);
        WriteObject(new SubtensorBlock
        {
            Number = header.Number, Hash = header.Hash.ToString(), ParentHash = header.ParentHash.ToString(),
            SpecName = profile.SpecName, SpecVersion = profile.SpecVersion, Endpoint = chain.Endpoint,
            NetUid = subnet?.NetUid, SubnetExists = subnet?.Exists,
            Difficulty = subnet is { Exists: true } ? subnet.Difficulty : null,
            PowRegistrationAllowed = subnet is { Exists: true } ? subnet.PowRegistrationAllowed : null,
            RegistrationAllowed = subnet is { Exists: true } ? subnet.RegistrationAllowed : null,
            SealByteOrder = order, RegisterVerifiesWork = profile.RegisterVerifiesWork, Burn = burn is { } b ? Tao.FromRao(b) : null,
            FaucetCall = profile.HasFaucet ? "Listed" : "NotListed", RegisterLimitCall = profile.HasRegisterLimit ? "Listed" : "NotListed",
        });
    }
}
