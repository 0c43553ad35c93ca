namespace BittensorPow.Subtensor.Rpc;

/// <param name="Method">The subscribe or unsubscribe method the event is about, where there is one.</param>
public sealed record ConnectionEvent(ConnectionEventKind Kind, string Text, string? Method = null)
{
    public override string ToString() => Text;
}
