namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// Merlin transcripts (merlin.cool, v1.0) over STROBE-128: the Fiat–Shamir hashing that schnorrkel uses for
/// signing, verifying and key derivation. Hand-written because no package here provides Merlin.
/// </summary>
internal sealed class MerlinTranscript
{
    private readonly Strobe128 _strobe;

    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    private MerlinTranscript(Strobe128 strobe) => _strobe = strobe;

    public MerlinTranscript Clone() => new(_strobe.Clone());

    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(LengthPrefix(message.Length), more: true);
        _strobe.Ad(message, more: false);
    }

    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(LengthPrefix(destination.Length), more: true);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>
    /// Merlin's transcript RNG: a clone of this transcript rekeyed with a secret witness and with outside
    /// randomness, so a nonce depends on the message, the secret and fresh randomness at once.
    /// The returned transcript is consumed by <see cref="WitnessRng.Fill"/> and then wiped.
    /// </summary>
    public WitnessRng BuildWitnessRng(ReadOnlySpan<byte> witnessLabel, ReadOnlySpan<byte> witness, ReadOnlySpan<byte> randomness32)
    {
        if (randomness32.Length != 32) throw new ArgumentException("Merlin's RNG takes 32 bytes of randomness.", nameof(randomness32));
        var strobe = _strobe.Clone();
        strobe.MetaAd(witnessLabel, more: false);
        strobe.MetaAd(LengthPrefix(witness.Length), more: true);
        strobe.Key(witness, more: false);
        strobe.MetaAd("rng"u8, more: false);
        strobe.Key(randomness32, more: false);
        return new WitnessRng(strobe);
    }

    private static byte[] LengthPrefix(int length)
    {
        var le = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(le, checked((uint)length));
        return le;
    }

    internal sealed class WitnessRng(Strobe128 strobe) : IDisposable
    {
        public void Fill(Span<byte> destination)
        {
            strobe.MetaAd(LengthPrefix(destination.Length), more: false);
            strobe.Prf(destination, more: false);
        }

        public void Dispose() => strobe.Clear();
    }
}
