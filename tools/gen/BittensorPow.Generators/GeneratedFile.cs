namespace BittensorPow.Generators;

/// <summary>One file a generator writes: its name, its text, and a line about it for the person who ran it.</summary>
public sealed record GeneratedFile(string Name, string Text, string Summary = "")
{
    public string WriteTo(string directory)
    {
        var path = Path.Combine(directory, Name);
        File.WriteAllText(path, Text);   // UTF-8 without a BOM and the generator's "\n" line ends, on every OS
        return path;
    }
}
