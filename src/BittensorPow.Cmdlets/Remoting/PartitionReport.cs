using System.Management.Automation;
using BittensorPow.Engine.Solving;

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>What a host of a spread search reports at each progress tick: plain numbers, so they cross the wire as they are.</summary>
internal static class PartitionReport
{
    public static PSObject From(SolverStatistics s)
    {
        var o = new PSObject();
        o.Properties.Add(new PSNoteProperty("NonceStart", s.NonceStart));
        o.Properties.Add(new PSNoteProperty("NonceCount", s.NonceCount));
        o.Properties.Add(new PSNoteProperty("NoncesTried", s.NoncesTried));
        o.Properties.Add(new PSNoteProperty("HashRate", s.HashRate > 0 ? s.HashRate : s.HashRateAverage));
        o.Properties.Add(new PSNoteProperty("BlockNumber", s.BlockNumber));
        o.Properties.Add(new PSNoteProperty("ElapsedSeconds", s.Elapsed.TotalSeconds));
        return o;
    }
}
