using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Chain;

/// <summary>The digest log every Aura block carries (subtensor is an Aura chain); genesis carries none.</summary>
public static class AuraDigest
{
    /// <summary>DigestItem::PreRuntime(*b"aura", slot as SCALE u64 in a Vec&lt;u8&gt;).</summary>
    public static byte[] PreRuntime(ulong slot)
        => new ScaleWriter().U8(6).Raw("aura"u8).Bytes(new ScaleWriter().U64(slot).ToArray()).ToArray();
}
