using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Input;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Tests.Registration.Input;

/// <summary>
/// The back end and knobs as typed, turned into one solve request for every cmdlet that solves: -Cuda/-OpenCL are short
/// for -Backend, and nothing given is silently ignored.
/// </summary>
public sealed class SolveChoiceTests
{
    private static PowError Refused(SolveKnobs knobs) => Assert.Throws<PowException>(() => SolveParameters.Request(knobs)).Error;

    [Fact]
    public void Nothing_typed_solves_on_the_cpu_with_the_gpu_default_threads_per_block()
    {
        var solve = SolveParameters.Request(new SolveKnobs());
        Assert.Equal((PowBackend.Cpu, GpuBackends.DefaultThreadsPerBlock, (int[]?)null), (solve.Backend, solve.ThreadsPerBlock, solve.DeviceIds));
    }

    [Fact]
    public void Cuda_chooses_the_cuda_back_end_with_its_devices_and_knobs()
    {
        var solve = SolveParameters.Request(new SolveKnobs { Cuda = true, DeviceIds = [0, 1], ThreadsPerBlock = 512, TimeoutSec = 9 });
        Assert.Equal((PowBackend.Cuda, 512), (solve.Backend, solve.ThreadsPerBlock));
        Assert.Equal([0, 1], solve.DeviceIds!);
        Assert.Equal(TimeSpan.FromSeconds(9), solve.SolverOptions.Timeout);
    }

    [Theory]
    [InlineData(PowBackend.Cpu, true, false)]    // -Backend Cpu -Cuda
    [InlineData(null, true, true)]               // -Cuda -OpenCL
    public void Two_choices_of_back_end_that_disagree_are_refused(PowBackend? backend, bool cuda, bool openCL)
    {
        var error = Refused(new SolveKnobs { Backend = backend, Cuda = cuda, OpenCL = openCL });
        Assert.Equal((ErrorIds.ConflictingParameters, PowErrorScope.Pipeline), (error.Id, error.Scope));
    }

    [Fact]
    public void Gpu_only_knobs_for_the_cpu_are_refused_not_ignored()
    {
        Assert.Equal("-DeviceId", Refused(new SolveKnobs { DeviceIds = [0] }).Target);
        Assert.Equal("-ThreadsPerBlock", Refused(new SolveKnobs { Backend = PowBackend.CpuAvx2, ThreadsPerBlock = 256 }).Target);
    }

    [Fact]
    public void A_knob_out_of_range_is_refused_with_its_own_id()
    {
        Assert.Equal(ErrorIds.InvalidThreadCount, Refused(new SolveKnobs { ThreadCount = 0 }).Id);
    }

    [Fact]
    public void A_byte_order_number_that_names_none_is_refused()
    {
        Assert.Equal(SealByteOrder.BigEndian, UserInput.ByteOrder(SealByteOrder.BigEndian));
        var ex = Assert.Throws<PowException>(() => UserInput.ByteOrder((SealByteOrder)7));
        Assert.Equal((ErrorIds.InvalidSealByteOrder, "SealByteOrder 7 is not a known byte order."), (ex.Error.Id, ex.Error.Message));
    }
}
