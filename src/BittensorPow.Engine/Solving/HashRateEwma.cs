namespace BittensorPow.Engine.Solving;

/// <summary>
/// The hash rate as btcli reports it: a weighted mean over the last n samples with weights alpha^age.
/// Unlike btcli (which gives the OLDEST sample weight 1), the newest sample weighs most here.
/// </summary>
public sealed class HashRateEwma
{
    private readonly double[] _samples;
    private readonly double _alpha;
    private int _count;
    private int _next;

    public HashRateEwma(int samples = 10, double alpha = 0.80)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples));
        if (alpha is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(alpha));
        _samples = new double[samples];
        _alpha = alpha;
    }

    public double Value { get; private set; }

    public void Add(double rate)
    {
        _samples[_next] = rate;
        _next = (_next + 1) % _samples.Length;
        if (_count < _samples.Length) _count++;
        double weighted = 0, weights = 0, w = 1;
        for (int age = 0; age < _count; age++)
        {
            int index = (_next - 1 - age + _samples.Length * 2) % _samples.Length;
            weighted += _samples[index] * w;
            weights += w;
            w *= _alpha;
        }
        Value = weighted / weights;
    }
}
