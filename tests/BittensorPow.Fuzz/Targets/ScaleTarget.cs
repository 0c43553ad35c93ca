using System.Numerics;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// SCALE primitives: the input is a little program, each op byte choosing the next read, so one input mixes fixed
/// ints, compacts, lengths, byte vectors, strings and eras the way real structures do. Rejection: ScaleFormatException.
/// Every compact read is re-encoded and read back, so a decode/encode disagreement is a finding too.
/// </summary>
public static class ScaleTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var r = new ScaleReader(input);
        try
        {
            while (!r.AtEnd)
            {
                switch (r.U8() % 12)
                {
                    case 0: r.U8(); break;
                    case 1: r.Bool(); break;
                    case 2: r.U16(); break;
                    case 3: r.U32(); break;
                    case 4: r.U64(); break;
                    case 5: r.U128(); break;
                    case 6: RoundTrip(r.CompactBig()); break;
                    case 7: RoundTrip(r.Compact()); break;
                    case 8: r.CompactLength(); break;
                    case 9: r.Bytes(); break;
                    case 10: r.Str(); break;
                    default: Era.Read(ref r); break;
                }
            }
        }
        catch (ScaleFormatException)
        {
        }
    }

    private static void RoundTrip(BigInteger value)
    {
        if (value.GetBitLength() > 536) return; // a 67-byte big-integer compact has no canonical encoding to compare
        var encoded = Compact.Encode(value);
        var back = new ScaleReader(encoded).CompactBig();
        if (back != value) throw new InvalidOperationException($"Compact {value} re-encoded as {Convert.ToHexString(encoded)} reads back as {back}.");
    }

    public static IEnumerable<byte[]> Seeds()
    {
        // op 6 (compact) before each vector compact, then a vector, a string, an era and fixed ints
        foreach (var hex in Seed.SubstrateVectorStrings("compact"))
            yield return [6, .. Convert.FromHexString(hex[2..])];
        yield return [9, 12, 1, 2, 3, 10, 8, (byte)'h', (byte)'i', 11, 0xe5, 0x03, 11, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 5, .. new byte[16]];
        yield return [8, 0xff, 0xff, 0xff, 0xff, 8, 0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    }
}
