namespace BittensorPow.Bench;

/// <summary>What every benchmark prints or reads beside its figures: the machine's load, and ../shared beside the checkout.</summary>
internal static class BenchFolders
{
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
    }

    public static string Shared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        throw new DirectoryNotFoundException("BittensorPow.sln was not found above the bench.");
    }
}
