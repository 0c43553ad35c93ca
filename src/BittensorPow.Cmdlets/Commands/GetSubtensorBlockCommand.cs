using System.Management.Automation;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>Reads the head (or a numbered block) and, with -NetUid, what a registration needs to know about the subnet.</summary>
[Cmdlet(VerbsCommon.Get, "SubtensorBlock")]
[OutputType(typeof(SubtensorBlock))]
public sealed class GetSubtensorBlockCommand : PowCmdletBase
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Endpoint { get; set; }

    [Parameter]
    [ValidateSet("finney", "test", "local")]
    public string? Network { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("BlockNumber")]
    public ulong? Number { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public ushort? NetUid { get; set; }

    protected override void Process()
    {
        using var chain = ChainSession.Connect(this, Endpoint, Network, Cancellation);
        var client = chain.Client;
        BlockHeader header;
        if (Number is { } n)
        {
            byte[] hash;
            try { hash = chain.Call(() => client.GetBlockHashAsync(n, Cancellation)); }
            catch (PowErrorRecordException ex) when (ex.Record.FullyQualifiedErrorId == ChainErrorIds.MalformedReply)
            {
                throw new PowErrorRecordException(PowErrors.Create(ChainErrorIds.BlockNotFound, ErrorCategory.ObjectNotFound, n,
                    $"The node at {chain.Endpoint} has no block #{n}.", "Leave -Number out for the head, or give a block the node has."));
            }
            header = chain.Call(() => client.GetHeaderAsync("0x" + Convert.ToHexStringLower(hash), Cancellation));
        }
        else header = chain.Call(() => client.GetHeadAsync(Cancellation));

        var profile = client.RuntimeProfile;
        var (order, _) = SealRuleChoice.Choose(profile, null);
        SubnetInfo? subnet = NetUid is { } netUid ? chain.Call(() => client.GetSubnetInfoAsync(netUid, header.HashHex, Cancellation)) : null;
        WriteObject(new SubtensorBlock
        {
            Number = header.Number, Hash = header.HashHex, ParentHash = header.ParentHashHex,
            SpecName = profile.SpecName, SpecVersion = profile.SpecVersion, Endpoint = chain.Endpoint,
            NetUid = subnet?.NetUid, SubnetExists = subnet?.Exists,
            Difficulty = subnet is { Exists: true } ? subnet.Difficulty : null,
            PowRegistrationAllowed = subnet is { Exists: true } ? subnet.PowRegistrationAllowed : null,
            RegistrationAllowed = subnet is { Exists: true } ? subnet.RegistrationAllowed : null,
            SealByteOrder = order, RegisterVerifiesWork = profile.RegisterVerifiesWork,
        });
    }
}
