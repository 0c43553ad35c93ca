using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Tests.Engine.Gpu;

public class LaunchSizerTests
{
    [Fact]
    public void Grows_toward_the_target_time_but_at_most_eightfold_per_launch()
    {
        var sizer = new LaunchSizer(256, 256 * 10, TimeSpan.FromMilliseconds(100));
        Assert.Equal(2560, sizer.Next);
        sizer.Observe(2560, TimeSpan.FromMilliseconds(1)); // 2.56 M/s: the target wants 256,000
        Assert.Equal(2560 * 8, sizer.Next);
        for (int i = 0; i < 10; i++) sizer.Observe(sizer.Next, TimeSpan.FromSeconds(sizer.Next / 2.56e6));
        Assert.InRange(sizer.Next, 255_000, 256_000);
        Assert.Equal(0, sizer.Next % 256);
    }

    [Fact]
    public void Shrinks_when_launches_run_long_and_stays_within_one_granule_and_the_maximum()
    {
        var sizer = new LaunchSizer(128, 1 << 20, TimeSpan.FromMilliseconds(100));
        for (int i = 0; i < 20; i++) sizer.Observe(sizer.Next, TimeSpan.FromSeconds(100)); // very slow device
        Assert.Equal(128, sizer.Next);
        var fast = new LaunchSizer(128, LaunchSizer.MaxLaunch, TimeSpan.FromSeconds(10));
        for (int i = 0; i < 5; i++) fast.Observe(fast.Next, TimeSpan.FromMilliseconds(1));
        Assert.True(fast.Next <= LaunchSizer.MaxLaunch);
        Assert.Equal(0, fast.Next % 128);
    }
}
