using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// The solve's progress line at 80 columns. PowerShell's one-line (Minimal) progress view gives the activity at most half
/// the width, keeps five characters for the brackets and spaces, and cuts the status to what is left: the rate, what
/// people watch a solve for, must be inside that.
/// </summary>
public class ProgressLineTests
{
    private const int Columns = 80;

    /// <summary>The status characters PowerShell 7's Minimal view shows on one line of <paramref name="columns"/>.</summary>
    private static int StatusRoom(string activity, int columns) => columns - Math.Min(activity.Length, columns / 2) - 5;

    private static SolverStatistics Stats(double rate, ulong block, ulong tried, double seconds, ulong difficulty) => new()
    {
        Elapsed = TimeSpan.FromSeconds(seconds), Rounds = 1, NoncesTried = tried, HashRate = rate, HashRateAverage = rate, Difficulty = difficulty,
        BlockNumber = block, BlockHash = new byte[32], Workers = 1, BlocksSeen = 1, DeviceFaults = 0,
    };

    [Theory]
    [InlineData(3.16e9, 9_999_999UL, 1_000_000_000_000UL, 86_400.0, ulong.MaxValue)]
    [InlineData(22e6, 5_000_000UL, 12_345_678UL, 12.3, 10_000_000_000_000UL)]
    [InlineData(850.0, 1UL, 10UL, 0.1, 10UL)]
    public void The_rate_comes_first_and_is_on_the_line_at_80_columns_even_for_the_longest_activity(
        double rate, ulong block, ulong tried, double s, ulong d)
    {
        string status = SolveRunner.Describe(Stats(rate, block, tried, s, d));
        string shownRate = SolveRunner.FormatRate(rate);
        Assert.StartsWith(shownRate, status);
        // "Solving registration PoW for subnet 65535" is the longest activity a solve writes (41 characters).
        Assert.True(shownRate.Length <= StatusRoom($"Solving registration PoW for subnet {ushort.MaxValue}", Columns), status);
        Assert.Contains($"block {block}", status);
        Assert.EndsWith($"difficulty {d:N0}", status);
    }

    [Fact]
    public void A_typical_solve_shows_rate_block_and_nonces_tried_at_80_columns()
    {
        string status = SolveRunner.Describe(Stats(22.5e6, 4_123_456, 123_456_789, 5.5, 10_000_000_000_000));
        string shown = status[..Math.Min(status.Length, StatusRoom("Solving registration PoW for subnet 1", Columns))];
        Assert.Equal("22.50 MH/s, ~ETA 5d03h, block 4123456,", shown);
    }

    [Theory]
    [InlineData(1_000_000UL, 0.0, "~ETA ?")]
    [InlineData(1_000_000UL, 1e6, "~ETA 1s")]
    [InlineData(80_000_000UL, 1e6, "~ETA 1m20s")]
    [InlineData(10_000_000UL, 3e6, "~ETA 4s")] // 3.33 s: rounded up, never promising less than expected
    [InlineData(11_100_000_000UL, 1e6, "~ETA 3h05m")]
    [InlineData(10_000_000_000_000UL, 22.5e6, "~ETA 5d03h")]
    [InlineData(ulong.MaxValue, 1e10, "~ETA 58y")]
    [InlineData(ulong.MaxValue, 1e3, "~ETA >99y")]
    public void The_expected_time_left_is_difficulty_over_the_current_rate(ulong difficulty, double rate, string expected) =>
        Assert.Equal(expected, SolveRunner.FormatEta(difficulty, rate));

    [Theory]
    [InlineData(3.16e9, ulong.MaxValue)]
    [InlineData(999.99e6, 30_000_000_000_000UL)]
    [InlineData(1.5, 10_000_000UL)]
    public void The_eta_sits_beside_the_rate_inside_the_room_the_longest_activity_leaves(double rate, ulong d)
    {
        string status = SolveRunner.Describe(Stats(rate, 7, 0, 1, d));
        string head = $"{SolveRunner.FormatRate(rate)}, {SolveRunner.FormatEta(d, rate)}";
        Assert.StartsWith(head, status);
        Assert.True(head.Length <= StatusRoom($"Solving registration PoW for subnet {ushort.MaxValue}", Columns), status);
    }
}
