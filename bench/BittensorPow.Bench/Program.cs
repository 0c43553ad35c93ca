namespace BittensorPow.Bench;

public static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? Usage() : args[0] switch
    {
        "gpu" => GpuBench.Run(args[1..]),
        "ptx" => GpuBench.WritePtx(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: BittensorPow.Bench <gpu|ptx> [options]");
        return 2;
    }
}
