namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// The BIP39 English word list (2048 words), embedded as bip39-english.txt because no package referenced here
/// carries it. The file is the standard list (sha256 2f5eed53…24dbda, checked by a test).
/// </summary>
internal static class Bip39WordList
{
    public const string ResourceName = "BittensorPow.Subtensor.Crypto.bip39-english.txt";

    private static readonly Lazy<(string[] Words, Dictionary<string, int> Index)> Data = new(Load);

    public static IReadOnlyList<string> Words => Data.Value.Words;

    public static bool TryIndexOf(string word, out int index) => Data.Value.Index.TryGetValue(word, out index);

    internal static Stream OpenResource() =>
        typeof(Bip39WordList).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");

    private static (string[], Dictionary<string, int>) Load()
    {
        using var reader = new StreamReader(OpenResource());
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != 2048) throw new InvalidOperationException($"The BIP39 word list has {words.Length} words, not 2048.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) index.Add(words[i], i);
        return (words, index);
    }
}
