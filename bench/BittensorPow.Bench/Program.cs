namespace BittensorPow.Bench;

public static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? Usage() : args[0] switch
    {
        "cpu" => CpuBench.Run(args[1..]),
        "gpu" => GpuBench.Run(args[1..]),
        "ptx" => GpuBench.WritePtx(args[1..]),
        "unlock" => UnlockBench.Run(args[1..]),
        "soak" => SoakBench.Run(args[1..]),
        "faucet" => FaucetBench.Run(args[1..]),
        "powreg" => PowRegisterBench.Run(args[1..]),
        "subnets" => SubnetsBench.Run(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: BittensorPow.Bench cpu [--seconds N] [--rounds N] [--threads 1,2] [--seal legacy|pow_register]"
            + " | gpu [--backend Cuda|OpenCL|IlgpuCpu] [--devices 0,1] [--seconds N] [--tpb N] [--verify] [--audit N] [--solve D]"
            + " | ptx --out DIR | unlock [--rounds N] [--coldkey PATH] | faucet [--drips N] [--threads N]"
            + " | soak [--minutes N] [--block-ms N] [--drop-every-ms N] [--threads N] | subnets [--subnets N] [--rounds N]");
        return 2;
    }
}
