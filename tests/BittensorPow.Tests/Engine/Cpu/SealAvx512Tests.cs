using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Cpu;

namespace BittensorPow.Tests.Engine.Cpu;

public class SealAvx512Tests
{
    [CpuBackendTheory(CpuBackends.Avx512), InlineData(SealByteOrder.BigEndian), InlineData(SealByteOrder.LittleEndian)]
    public void Every_lane_matches_the_reference(SealByteOrder order) => SealKernelChecks.Every_lane_matches_the_reference<SealAvx512>(order);

    [CpuBackendTheory(CpuBackends.Avx512), InlineData(SealByteOrder.BigEndian), InlineData(SealByteOrder.LittleEndian)]
    public void Early_reject_matches_the_top_word(SealByteOrder order) => SealKernelChecks.Early_reject_matches_the_top_word<SealAvx512>(order);

    [CpuBackendTheory(CpuBackends.Avx512), InlineData(SealByteOrder.BigEndian), InlineData(SealByteOrder.LittleEndian)]
    public void Hit_is_found_at_every_lane_position(SealByteOrder order) => SealKernelChecks.Hit_is_found_at_every_lane_position<SealAvx512>(order);

    [CpuBackendTheory(CpuBackends.Avx512), InlineData(SealByteOrder.BigEndian), InlineData(SealByteOrder.LittleEndian)]
    public void Ranges_give_the_smallest_passing_nonce(SealByteOrder order)
        => SealKernelChecks.Ranges_give_the_smallest_passing_nonce<SealAvx512>(order);

    [CpuBackendFact(CpuBackends.Avx512)]
    public void Registered_under_its_name() => Assert.Equal(CpuBackends.Avx512.ToString(), CpuBackends.Create(CpuBackends.Avx512).Name);

    // The pow_register seal (SPEC §10), positions in its search order.

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_published_vectors_hold() =>
        PowRegisterKernelChecks.Published_vectors_hold_on_the_fast_path<SealAvx512>();

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_every_lane_matches_the_independent_seal() =>
        PowRegisterKernelChecks.Every_lane_matches_the_independent_seal<SealAvx512>();

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_early_reject_matches_the_top_word() =>
        PowRegisterKernelChecks.Early_reject_matches_the_top_word<SealAvx512>();

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_hit_is_found_at_every_lane_position() =>
        PowRegisterKernelChecks.Hit_is_found_at_every_lane_position<SealAvx512>();

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_ranges_give_the_smallest_passing_position() =>
        PowRegisterKernelChecks.Ranges_give_the_smallest_passing_position<SealAvx512>();

    [CpuBackendFact(CpuBackends.Avx512)]
    public void PowRegister_one_thread_solve_is_the_first_passing_position() =>
        PowRegisterKernelChecks.One_thread_solve_is_the_first_passing_position<SealAvx512>();
}
