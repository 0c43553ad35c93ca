namespace BittensorPow.Subtensor.Crypto;

/// <summary>schnorrkel's hierarchical key derivation (HDKD) transcripts, as Substrate's //hard and /soft junctions use them.</summary>
internal static class Sr25519Derivation
{
    /// <summary>
    /// Hard derivation: a new mini secret from the parent's secret scalar and the chain code
    /// (schnorrkel hard_derive_mini_secret_key with an empty index, which is what Substrate calls).
    /// </summary>
    public static byte[] HardMiniSecret(ReadOnlySpan<byte> parentScalar, ReadOnlySpan<byte> chainCode32)
    {
        CheckChainCode(chainCode32);
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        t.AppendMessage("chain-code"u8, chainCode32);
        t.AppendMessage("secret-key"u8, parentScalar);
        var mini = new byte[32];
        t.ChallengeBytes("HDKD-hard"u8, mini);
        return mini;
    }

    /// <summary>Soft derivation's scalar offset (added to the secret scalar, or times B to the public point).</summary>
    public static byte[] SoftScalar(ReadOnlySpan<byte> parentPublic, ReadOnlySpan<byte> chainCode32, out MerlinTranscript transcript)
    {
        CheckChainCode(chainCode32);
        transcript = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        transcript.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        transcript.AppendMessage("chain-code"u8, chainCode32);
        transcript.AppendMessage("public-key"u8, parentPublic);
        return Sr25519.ChallengeScalar(transcript, "HDKD-scalar"u8);
    }

    private static void CheckChainCode(ReadOnlySpan<byte> chainCode)
    {
        if (chainCode.Length != 32) throw new ArgumentException("A chain code is 32 bytes.", nameof(chainCode));
    }
}
