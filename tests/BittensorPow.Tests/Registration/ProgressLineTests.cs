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
        Assert.Equal("22.50 MH/s, block 4123456, 123,456,789", shown);
    }
}
