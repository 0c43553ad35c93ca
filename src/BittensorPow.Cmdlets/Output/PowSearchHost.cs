namespace BittensorPow.Cmdlets.Output;

public sealed partial class PowSearchHost
{
    internal static PowSearchHost From(HostSummary h) => new()
    {
        ComputerName = h.Name, NonceStart = h.NonceStart, NonceCount = h.NonceCount, RangeReported = h.RangeReported, NoncesTried = h.NoncesTried,
        HashRate = h.HashRate, BlockNumber = h.BlockNumber, State = h.State,
    };
}
