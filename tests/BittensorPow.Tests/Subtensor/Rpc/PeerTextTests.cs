using System.Diagnostics;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Rpc;

/// <summary>A peer's text reaches messages escaped and cut; an endpoint's user-info never reaches them.</summary>
public class PeerTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("\u001b[31mred\u001b[0m", "\\x1B[31mred\\x1B[0m")]
    [InlineData("a\r\nb\tc\0d", "a\\r\\nb\\tc\\x00d")]
    [InlineData("bell\u0007 del\u007f c1\u0085", "bell\\x07 del\\x7F c1\\x85")]
    [InlineData("rtl\u202eoverride zero\u200bwidth", "rtl\\u{202E}override zero\\u{200B}width")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("über ✓ 日本", "über ✓ 日本")]
    public void Control_and_non_printable_characters_are_shown_escaped(string text, string shown) =>
        Assert.Equal(shown, PeerText.Quote(text));

    [Fact]
    public void A_lone_surrogate_is_escaped() => Assert.Equal("x\\u{D800}y", PeerText.Quote("x\ud800y"));

    [Fact]
    public void Bytes_that_are_not_UTF8_are_shown_byte_by_byte() =>
        Assert.Equal("ok \\xFF\\xFE é \\xC3", PeerText.Quote([(byte)'o', (byte)'k', (byte)' ', 0xFF, 0xFE, (byte)' ', 0xC3, 0xA9, (byte)' ', 0xC3]));

    [Fact]
    public void Long_text_is_cut_to_200_characters_ending_in_an_ellipsis_and_never_mid_escape()
    {
        var cut = PeerText.Quote(new string('a', 150) + new string('\u0001', 100));
        Assert.True(cut.Length <= PeerText.MaxLength, cut);
        Assert.EndsWith("\\x01…", cut);
        Assert.Equal(new string('a', 199), PeerText.Quote(new string('a', 199)));
        Assert.Equal(new string('a', 200), PeerText.Quote(new string('a', 200)));
        Assert.Equal(new string('a', 199) + "…", PeerText.Quote(new string('a', 201)));
    }

    [Fact]
    public void Sixty_four_megabytes_of_random_bytes_come_out_short_and_printable_at_once()
    {
        var bytes = new byte[64 << 20];
        new Random(20).NextBytes(bytes);
        var clock = Stopwatch.StartNew();
        var shown = PeerText.Quote(bytes);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed}");
        Assert.InRange(shown.Length, 1, PeerText.MaxLength);
        Assert.DoesNotContain(shown, c => char.IsControl(c));
    }

    [Theory]
    [InlineData("ws://user:s3cretP4ss@127.0.0.1:9944", "ws://***@127.0.0.1:9944")]
    [InlineData("wss://:token@node.example:443/ws?x=1", "wss://***@node.example:443/ws?x=1")]
    [InlineData("ws://us@er:p@ss@host/a@b", "ws://***@host/a@b")]
    [InlineData("user:pw@host:9944", "***@host:9944")]
    [InlineData("ws://127.0.0.1:9944/path@x", "ws://127.0.0.1:9944/path@x")]
    [InlineData("ws://127.0.0.1:9944", "ws://127.0.0.1:9944")]
    [InlineData("", "")]
    public void An_endpoint_is_shown_with_its_user_info_masked(string endpoint, string shown)
    {
        Assert.Equal(shown, EndpointDisplay.Masked(endpoint));
        Assert.Equal(shown, EndpointDisplay.Show(endpoint));
    }

    [Fact]
    public void A_shown_endpoint_is_cut_and_escaped()
    {
        var shown = EndpointDisplay.Show("ws://u:pw@h/" + new string('x', 20_000) + "\u001b");
        Assert.StartsWith("ws://***@h/xxx", shown);
        Assert.True(shown.Length <= 80, shown);
    }
}
