using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.WebRtc.Tests.Sdp;

public sealed class SdpParserTests
{
    public static TheoryData<string> Offers => Fixtures.Names;

    [Theory]
    [MemberData(nameof(Offers))]
    public void A_captured_offer_round_trips_without_losing_a_line(string name)
    {
        var original = Fixtures.Read(name);

        var written = SdpWriter.Write(Parse(original));

        Assert.Equal(SortedLines(original), SortedLines(written));
        Assert.Equal(written, SdpWriter.Write(Parse(written)));
    }

    [Theory]
    [MemberData(nameof(Offers))]
    public void A_captured_offer_parses_into_bundled_audio_and_video(string name)
    {
        var offer = Parse(Fixtures.Read(name));

        Assert.Equal(["0", "1"], offer.Bundle!.Mids);
        Assert.Equal(["audio", "video"], offer.Media.Select(media => media.Kind));
        foreach (var media in offer.Media)
        {
            Assert.Equal("UDP/TLS/RTP/SAVPF", media.Protocol);
            Assert.True(media.RtcpMux);
            Assert.Equal("actpass", media.Transport.Setup);
            Assert.Equal(MediaDirection.SendRecv, media.Direction);
            Assert.NotNull(media.Transport.IceUfrag ?? offer.Transport.IceUfrag);
            Assert.True((media.Transport.IcePwd ?? offer.Transport.IcePwd)!.Length >= 22);
            Assert.Equal("sha-256", (media.Transport.Fingerprint ?? offer.Transport.Fingerprint)!.Algorithm);
            Assert.NotEmpty(media.Candidates);
            Assert.True(media.Ssrcs.Count > 0 || media.Rids.Count > 0, "a sending section names its sources by SSRC or by rid");
            Assert.NotNull(media.Msid);
            Assert.Contains(media.Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:sdes:mid");
        }

        var opus = Assert.Single(offer.Media[0].Codecs, codec => codec.Is("opus"));
        Assert.Equal(48000, opus.ClockRate);
        Assert.Equal(2, opus.Channels);
        var vp8 = Assert.Single(offer.Media[1].Codecs, codec => codec.Is("VP8"));
        Assert.Contains("nack pli", vp8.Feedback);
        Assert.Contains(offer.Media[1].Codecs, codec => codec.Is("rtx") && codec.Parameter("apt") == vp8.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("chrome-simulcast")]
    [InlineData("firefox-simulcast")]
    public void A_simulcast_offer_has_three_send_rids(string name)
    {
        var video = Parse(Fixtures.Read(name)).Media[1];

        Assert.Equal(["q", "h", "f"], video.Rids.Select(rid => rid.Id));
        Assert.All(video.Rids, rid => Assert.Equal(RidDirection.Send, rid.Direction));
        Assert.Equal("send q;h;f", video.Simulcast);
        Assert.Contains(video.Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
    }

    [Fact]
    public void Firefox_simulcast_pairs_each_layer_with_its_RTX_source()
    {
        var video = Parse(Fixtures.Read("firefox-simulcast")).Media[1];

        Assert.Equal(3, video.SsrcGroups.Count(group => group.Semantics == "FID"));
        Assert.All(video.SsrcGroups, group => Assert.Equal(2, group.Ssrcs.Count));
        Assert.Contains(video.Extmaps, extmap => extmap.Direction == MediaDirection.SendOnly);
        Assert.True(video.EndOfCandidates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("v=1\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=aud")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=candidate:1 1 udp 2113937151 127.0.0.1")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rid:q sideways")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 99999 UDP/TLS/RTP/SAVPF 96")]
    public void Garbage_and_truncated_SDP_is_refused_with_a_reason(string text)
    {
        Assert.False(SdpParser.TryParse(text, out var description, out var error));
        Assert.Null(description);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [MemberData(nameof(Offers))]
    public void Every_truncation_and_mutation_of_an_offer_is_parsed_or_refused_without_throwing(string name)
    {
        var offer = Fixtures.Read(name);
        var random = new Random(name.Length);
        for (var length = 0; length < offer.Length; length += 7)
        {
            _ = SdpParser.TryParse(offer[..length], out _, out _);
        }

        for (var i = 0; i < 1000; i++)
        {
            var mutated = offer.ToCharArray();
            for (var j = 0; j < 5; j++)
            {
                mutated[random.Next(mutated.Length)] = " :/=\r\nam0x*"[random.Next(11)];
            }

            _ = SdpParser.TryParse(new string(mutated), out _, out _);
        }
    }

    internal static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var description, out var error), error);
        return description!;
    }

    private static string[] SortedLines(string sdp) =>
        [.. sdp.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}
