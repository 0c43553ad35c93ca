using System.Buffers.Binary;
using System.Security.Cryptography;
using BittensorPow.Engine.Hashing;

namespace BittensorPow.Tests.Engine;

/// <summary>The compression function the seal midstates use, against the BCL's SHA-256 of whole messages.</summary>
public sealed class Sha256BlockTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(64)]
    [InlineData(119)]
    [InlineData(131)]
    [InlineData(200)]
    public void Compressing_the_padded_blocks_gives_the_BCL_digest(int length)
    {
        var message = new byte[length];
        new Random(length).NextBytes(message);
        int blocks = (length + 8) / 64 + 1;
        var padded = new byte[64 * blocks];
        message.CopyTo(padded, 0);
        padded[length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), 8UL * (ulong)length);

        Span<uint> state = stackalloc uint[8];
        Sha256Constants.InitialState.CopyTo(state);
        for (int b = 0; b < blocks; b++) Sha256Block.Compress(state, padded.AsSpan(64 * b, 64));
        var digest = new byte[32];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), state[i]);

        Assert.Equal(SHA256.HashData(message), digest);
    }
}
