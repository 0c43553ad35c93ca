using System.Text;
using BittensorPow.Subtensor.Crypto;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Crypto;

public class MerlinTests
{
    [Fact]
    public void Challenge_matches_the_merlin_vector()
    {
        var v = SubstrateVectors.GetProperty("merlin");
        var t = new MerlinTranscript(Encoding.UTF8.GetBytes(v.GetProperty("transcript_label").GetString()!));
        var append = v.GetProperty("append_message");
        t.AppendMessage(Encoding.UTF8.GetBytes(append[0].GetString()!), Encoding.UTF8.GetBytes(append[1].GetString()!));
        var challenge = new byte[v.GetProperty("challenge_len").GetInt32()];
        t.ChallengeBytes(Encoding.UTF8.GetBytes(v.GetProperty("challenge_label").GetString()!), challenge);
        Assert.Equal(Hex(v.GetProperty("expected").GetString()!), challenge);
    }

    [Fact]
    public void A_different_message_changes_the_challenge()
    {
        static byte[] Run(string data)
        {
            var t = new MerlinTranscript("test protocol"u8);
            t.AppendMessage("some label"u8, Encoding.UTF8.GetBytes(data));
            var c = new byte[32];
            t.ChallengeBytes("challenge"u8, c);
            return c;
        }
        Assert.NotEqual(Run("some data"), Run("some datb"));
    }

    [Fact]
    public void Long_messages_cross_the_strobe_block_boundary_consistently()
    {
        // 1000 bytes spans several 166-byte STROBE blocks; a clone taken before the challenge must agree with the original.
        var t = new MerlinTranscript("long"u8);
        t.AppendMessage("data"u8, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        var clone = t.Clone();
        var a = new byte[200];
        var b = new byte[200];
        t.ChallengeBytes("c"u8, a);
        clone.ChallengeBytes("c"u8, b);
        Assert.Equal(a, b);
        Assert.NotEqual(new byte[200], a);
    }
}
