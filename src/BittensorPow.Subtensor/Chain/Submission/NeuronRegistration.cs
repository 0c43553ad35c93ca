namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>A neuron registration read from <c>SubtensorModule.NeuronRegistered(netuid, uid, hotkey)</c>.</summary>
public sealed record NeuronRegistration(ushort NetUid, ushort Uid, byte[] Hotkey)
{
    public override string ToString() => $"uid {Uid} on subnet {NetUid} for {Keys.Ss58.Encode(Hotkey)}";
}
