namespace BittensorPow.DevNode.Runtime;

/// <summary>Finds ../shared beside the repository root, the same rule the tests use.</summary>
public static class SharedFolder
{
    public static string Find(string? explicitFolder)
    {
        if (!string.IsNullOrEmpty(explicitFolder)) return Require(Path.GetFullPath(explicitFolder));
        var env = Environment.GetEnvironmentVariable("BITTENSORPOW_SHARED");
        if (!string.IsNullOrEmpty(env)) return Require(Path.GetFullPath(env));
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln")))
                    return Require(Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared")));
        throw new DirectoryNotFoundException("Could not find the shared folder: pass --shared DIR or set BITTENSORPOW_SHARED.");
    }

    private static string Require(string path)
        => Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"The shared folder '{path}' does not exist.");
}
