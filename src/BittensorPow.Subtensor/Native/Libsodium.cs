namespace BittensorPow.Subtensor.Native;

/// <summary>
/// Makes Sodium.Core's DllImport("libsodium") find the copy shipped beside this assembly. A binary module runs
/// inside pwsh, whose deps.json knows nothing of the module's runtimes/&lt;rid&gt;/native folder, so without this
/// the runtime would look only in pwsh's folder and the system's (where a different version may live).
/// </summary>
internal static class Libsodium
{
    private const string ImportName = "libsodium";
    private static readonly Lazy<Exception?> Initialized = new(Initialize);

    /// <summary>Where our resolver loaded libsodium from; null when it found nothing and the system's search was used.</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>Call before any Sodium.Core use; throws <see cref="LibsodiumUnavailableException"/> when it cannot load.</summary>
    public static void EnsureLoaded()
    {
        if (Initialized.Value is { } failure)
            throw new LibsodiumUnavailableException(
                $"libsodium, which unlocks encrypted coldkeys, could not be loaded: {Reason(failure)}. The module ships it at " +
                $"{string.Join(" or ", CandidatePaths())}; reinstall the module if that file is missing, or install libsodium 1.0.22 system-wide.",
                CandidatePaths(), failure);
    }

    // Sodium.Core wraps the loader's exception in a generic PlatformNotSupportedException; its own message is the
    // useful one only for a version mismatch ("Expected libsodium 1.0.22 but found …").
    private static string Reason(Exception failure) => (failure.InnerException ?? failure) switch
    {
        DllNotFoundException => "no file was found, or one was found but would not load",
        BadImageFormatException => "the file found is not built for this platform",
        var e => e.Message.TrimEnd('.'),
    };

    /// <summary>runtimes/&lt;rid&gt;/native/ under our folder (how publish and NuGet lay it out), then our folder itself.</summary>
    public static IReadOnlyList<string> CandidatePaths()
    {
        string dir = AssemblyDirectory();
        string file = OperatingSystem.IsWindows() ? "libsodium.dll" : OperatingSystem.IsMacOS() ? "libsodium.dylib" : "libsodium.so";
        return RuntimeIds()
            .Select(rid => Path.Combine(dir, "runtimes", rid, "native", file))
            .Append(Path.Combine(dir, file))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static Exception? Initialize()
    {
        try { NativeLibrary.SetDllImportResolver(typeof(SodiumCore).Assembly, Resolve); }
        catch (InvalidOperationException) { } // another component already resolves for Sodium.Core; its choice stands
        try
        {
            SodiumCore.Init();
            return null;
        }
        // Sodium.Core turns a missing library into PlatformNotSupportedException and a version mismatch into NotSupportedException.
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return e;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ImportName) return IntPtr.Zero;
        foreach (var path in CandidatePaths())
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                LoadedFrom = path;
                return handle;
            }
        }
        return IntPtr.Zero;
    }

    /// <summary>The runtime's own RID first (it says musl where it matters), then the portable os-arch one NuGet uses.</summary>
    private static IEnumerable<string> RuntimeIds()
    {
        yield return RuntimeInformation.RuntimeIdentifier;
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        yield return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private static string AssemblyDirectory()
    {
        string location = typeof(Libsodium).Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
    }
}
