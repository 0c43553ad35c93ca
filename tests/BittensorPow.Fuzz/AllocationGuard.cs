namespace BittensorPow.Fuzz;

/// <summary>
/// Makes "allocates what the input claims, not what it holds" a finding: a 4 GiB compact length must fail before
/// the buffer exists. The allowance scales with the input because decoding real metadata legitimately builds a
/// model many times its size.
/// </summary>
public static class AllocationGuard
{
    private const long FixedAllowance = 32L << 20;
    private const long PerInputByte = 256;

    public static void Run(FuzzEntry entry, ReadOnlySpan<byte> input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        entry(input);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long allowed = FixedAllowance + PerInputByte * input.Length;
        if (allocated > allowed)
            throw new AllocationLimitExceededException($"{allocated:N0} bytes allocated for a {input.Length:N0}-byte input (allowed {allowed:N0}).");
    }
}

public sealed class AllocationLimitExceededException(string message) : Exception(message);
