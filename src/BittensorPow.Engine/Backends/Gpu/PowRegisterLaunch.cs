namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Everything one dispatch of <see cref="SealKernels.SearchPowRegister"/> needs, passed by value so that it lands in the
/// kernel's parameter space (constant bank): the span's folded SHA-256 state, where the dispatch starts, the threshold.
/// A dispatch stays inside one span (<see cref="SpanDispatch"/>).
/// </summary>
public struct PowRegisterLaunch
{
    public PowRegisterSpan Span;

    /// <summary>The dispatch's first position as <see cref="PowRegisterMidstate.PaddedPosition"/>; thread i adds i.</summary>
    public uint PaddedPosition;

    /// <summary>The dispatch's first position less the launch's: a hit is recorded as Offset + i.</summary>
    public int Offset;

    /// <summary>T = ⌊(2^256 − 1) / D⌋, most significant limb first.</summary>
    public ulong T3, T2, T1, T0;

    /// <summary>Threads past Count (the last, partial block) do nothing.</summary>
    public int Count;

    /// <summary>The threshold of <paramref name="template"/>; the rest is set per dispatch.</summary>
    public static PowRegisterLaunch For(BlockTemplate template)
    {
        var t = template.Difficulty.Threshold;
        return new PowRegisterLaunch { T3 = t.T3, T2 = t.T2, T1 = t.T1, T0 = t.T0 };
    }

    /// <summary>This launch's threshold with <paramref name="dispatch"/>'s span, start and size.</summary>
    public readonly PowRegisterLaunch For(PowRegisterMidstate midstate, SpanDispatch dispatch)
    {
        var p = this;
        p.Span = midstate.SpanOf(dispatch.Start);
        p.PaddedPosition = PowRegisterMidstate.PaddedPosition(dispatch.Start);
        p.Offset = dispatch.Offset;
        p.Count = dispatch.Count;
        return p;
    }
}
