using BittensorPow.Engine;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>What fake hosts do: report their numbers at a rate, then find a real solution in their range, fail, or go on until stopped.</summary>
public static class HostScripts
{
    /// <summary>Reports every <paramref name="everyMs"/> until stopped.</summary>
    public static Func<FakeSearch, Task> Searches(int everyMs = 20) => s => Report(s, Timeout.Infinite, everyMs);

    /// <summary>Reports for <paramref name="afterMs"/>, then returns the first solution of its range (offline work).</summary>
    public static Func<FakeSearch, Task> Finds(int afterMs, int everyMs = 20) => async s =>
    {
        await Report(s, afterMs, everyMs);
        var target = s.Assignment.Target;
        s.Events.Found(Solve(target.Challenge, target.Difficulty!, s.Assignment.NonceStart));
    };

    /// <summary>Reports for <paramref name="afterMs"/>, then says its search ended with <paramref name="reason"/>.</summary>
    public static Func<FakeSearch, Task> Fails(int afterMs, string reason, string? errorId = null) => async s =>
    {
        await Report(s, afterMs, 20);
        s.Events.Failed(reason, errorId);
    };

    /// <summary>Reports for <paramref name="afterMs"/>, then returns what <paramref name="answer"/> makes of the work.</summary>
    public static Func<FakeSearch, Task> Returns(int afterMs, Func<FakeSearch, Solution> answer) => async s =>
    {
        await Report(s, afterMs, 20);
        s.Events.Found(answer(s));
    };

    /// <summary>The first passing nonce from <paramref name="position"/> in the challenge's search order, found on the reference path.</summary>
    public static Solution Solve(Challenge challenge, Difficulty difficulty, ulong position)
    {
        var template = new BlockTemplate(challenge, difficulty);
        for (ulong p = position; ; p++)
        {
            ulong nonce = challenge.NonceAt(p);
            if (template.Verify(nonce, out var seal)) return new Solution(challenge, difficulty, nonce, seal) { Backend = "Fake" };
        }
    }

    /// <summary>Numbers as a host's engine reports them: its range, and 1,000 more nonces every report.</summary>
    private static async Task Report(FakeSearch s, int forMs, int everyMs)
    {
        var until = forMs == Timeout.Infinite ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(forMs);
        for (ulong i = 1; ; i++)
        {
            s.Events.Reported(new SolveReport
            {
                NonceStart = s.Assignment.NonceStart, NonceCount = s.Assignment.NonceCount, NoncesTried = i * 1_000, HashRate = 50_000,
                BlockNumber = s.Assignment.Target.Challenge.BlockNumber, BlocksSeen = 1, ElapsedSeconds = i * (ulong)everyMs / 1000.0,
            });
            if (DateTime.UtcNow >= until) return;
            await Task.Delay(everyMs, s.Stopped);
        }
    }
}
