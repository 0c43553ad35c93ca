using BittensorPow.Fuzz;

// fuzz <target>             run under afl-fuzz (SharpFuzz's out-of-process fork server survives stack overflows)
// seed <folder>             write every target's seed corpus to <folder>/<target>/
// replay <target> <path>... run files (or folders of files) through a target; exit 1 on any finding
return args switch
{
    ["fuzz", var name] => Fuzz(FuzzTargets.Get(name)),
    ["seed", var folder] => WriteSeeds(folder),
    ["replay", var name, .. var paths] => Replay(FuzzTargets.Get(name), paths),
    _ => Usage(),
};

static int Fuzz(FuzzTarget target)
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        AllocationGuard.Run(target.Run, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
    return 0;
}

static int WriteSeeds(string folder)
{
    foreach (var target in FuzzTargets.All)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder, target.Name));
        int n = 0;
        foreach (var seed in target.Seeds().Distinct(ByteArrayComparer.Instance))
            File.WriteAllBytes(Path.Combine(dir.FullName, $"seed-{n++:d4}"), seed);
        Console.WriteLine($"{target.Name}: {n} seeds");
    }
    return 0;
}

static int Replay(FuzzTarget target, string[] paths)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order() : (IEnumerable<string>)[p]);
    int findings = 0;
    foreach (var file in files)
    {
        try { AllocationGuard.Run(target.Run, File.ReadAllBytes(file)); }
        catch (Exception e)
        {
            findings++;
            Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
            Console.WriteLine(e.StackTrace);
        }
    }
    return findings == 0 ? 0 : 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: fuzz <target> | seed <folder> | replay <target> <path>...  "
        + $"(targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))})");
    return 2;
}
