using System.Net;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.WebRtc.Tests.Sdp;

public sealed class SfuAnswerBuilderTests
{
    internal static readonly SdpEndpoint Server = new(
        IceCredentials.Generate(),
        new SdpFingerprint("sha-256", string.Join(':', Enumerable.Range(0, 32).Select(i => (i * 7 % 256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))),
        [IceCandidate.Host(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000))]);

    private static readonly HashSet<string> ForwardedCodecs = new(StringComparer.OrdinalIgnoreCase) { "opus", "VP8", "VP9", "H264", "rtx" };

    public static TheoryData<string> Offers => Fixtures.Names;

    [Theory]
    [MemberData(nameof(Offers))]
    public void The_answer_to_a_captured_offer_is_ice_lite_passive_and_bundled(string name)
    {
        var offer = SdpParserTests.Parse(Fixtures.Read(name));

        var text = SdpWriter.Write(SfuAnswerBuilder.Build(offer, Server));
        var answer = SdpParserTests.Parse(text);

        Assert.True(answer.IceLite);
        Assert.Equal(["0", "1"], answer.Bundle!.Mids);
        Assert.Equal(offer.Media.Select(media => media.Mid), answer.Media.Select(media => media.Mid));
        foreach (var media in answer.Media)
        {
            Assert.Equal(40000, media.Port);
            Assert.Equal("passive", media.Transport.Setup);
            Assert.Equal(Server.Ice.Ufrag, media.Transport.IceUfrag);
            Assert.Equal(Server.Ice.Password, media.Transport.IcePwd);
            Assert.Equal(Server.Fingerprint, media.Transport.Fingerprint);
            Assert.Equal(Server.Candidates[0], Assert.Single(media.Candidates));
            Assert.True(media.EndOfCandidates);
            Assert.True(media.RtcpMux);
            Assert.Equal(MediaDirection.SendRecv, media.Direction);
            Assert.All(media.Codecs, codec => Assert.Contains(codec.Name!, ForwardedCodecs));
            Assert.Equal(media.Codecs.Select(codec => codec.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture)), media.Formats);
            Assert.Contains(media.Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:sdes:mid");
        }

        Assert.Equal("opus", Assert.Single(answer.Media[0].Codecs).Name);
        Assert.Contains(answer.Media[0].Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        AssertEveryRtxFollowsItsCodec(answer.Media[1]);
        Assert.Contains(answer.Media[1].Codecs, codec => codec.Is("VP8"));
        Assert.Contains(answer.Media[1].Codecs, codec => codec.Is("VP9"));
        Assert.DoesNotContain(answer.Media[1].Codecs, codec => codec.Is("AV1") || codec.Is("red") || codec.Is("ulpfec"));
        Assert.All(answer.Media[1].Codecs.Where(codec => codec.Is("H264")), codec => Assert.Equal("1", codec.Parameter("packetization-mode")));
        Assert.Contains("a=ice-lite\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=group:BUNDLE 0 1\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chromes_H264_with_packetization_mode_1_is_kept_with_its_RTX()
    {
        var answer = SfuAnswerBuilder.Build(SdpParserTests.Parse(Fixtures.Read("chrome-audio-video")), Server);

        var h264 = answer.Media[1].Codecs.Where(codec => codec.Is("H264")).ToList();
        Assert.NotEmpty(h264);
        Assert.All(h264, codec => Assert.Contains(answer.Media[1].Codecs, rtx => rtx.Is("rtx") && rtx.Parameter("apt") == codec.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("chrome-simulcast")]
    [InlineData("firefox-simulcast")]
    public void Simulcast_layers_the_browser_sends_are_received(string name)
    {
        var video = SfuAnswerBuilder.Build(SdpParserTests.Parse(Fixtures.Read(name)), Server).Media[1];

        Assert.Equal(["q", "h", "f"], video.Rids.Select(rid => rid.Id));
        Assert.All(video.Rids, rid => Assert.Equal(RidDirection.Recv, rid.Direction));
        Assert.Equal("recv q;h;f", video.Simulcast);
        Assert.Contains(video.Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
        Assert.Contains(video.Extmaps, extmap => extmap.Uri == "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
    }

    [Fact]
    public void A_header_extension_the_browser_only_sends_is_one_we_only_receive()
    {
        var video = SfuAnswerBuilder.Build(SdpParserTests.Parse(Fixtures.Read("firefox-simulcast")), Server).Media[1];

        Assert.Equal(MediaDirection.RecvOnly, video.Extmaps.Single(extmap => extmap.Uri.EndsWith(":rtp-stream-id", StringComparison.Ordinal)).Direction);
    }

    [Fact]
    public void Sections_we_cannot_serve_are_rejected_with_port_0_and_left_out_of_the_bundle()
    {
        var offer = SdpParserTests.Parse(Fixtures.Read("chrome-audio-video"));
        var application = new MediaDescription { Kind = "application", Protocol = "UDP/DTLS/SCTP", Mid = "2", RtcpMux = false };
        application.Formats.Add("webrtc-datachannel");
        offer.Media.Add(application);
        offer.Media[1].Codecs.RemoveAll(codec => !codec.Is("AV1"));
        offer.Groups[0] = new SdpGroup("BUNDLE", ["0", "1", "2"]);

        var answer = SdpParserTests.Parse(SdpWriter.Write(SfuAnswerBuilder.Build(offer, Server)));

        Assert.Equal(["0"], answer.Bundle!.Mids);
        Assert.False(answer.Media[0].IsRejected);
        Assert.True(answer.Media[1].IsRejected);
        Assert.Equal("1", answer.Media[1].Mid);
        Assert.True(answer.Media[2].IsRejected);
        Assert.Equal("2", answer.Media[2].Mid);
        Assert.Equal(["webrtc-datachannel"], answer.Media[2].Formats);
    }

    [Theory]
    [InlineData(MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.SendRecv, MediaDirection.SendRecv)]
    [InlineData(MediaDirection.Inactive, MediaDirection.Inactive)]
    public void Our_client_offer_is_answered_with_Opus_and_VP8_and_the_mirrored_direction(MediaDirection offered, MediaDirection answered)
    {
        var client = new SdpEndpoint(IceCredentials.Generate(), Server.Fingerprint, [IceCandidate.Host(new IPEndPoint(IPAddress.Loopback, 50000))]);
        var offer = SdpParserTests.Parse(SdpWriter.Write(SdpOfferBuilder.Build(client, [new OfferedTrack("audio", offered), new OfferedTrack("video", offered)])));

        var answer = SfuAnswerBuilder.Build(offer, Server);

        Assert.Equal(["0", "1"], answer.Bundle!.Mids);
        Assert.All(answer.Media, media => Assert.Equal(answered, media.Direction));
        Assert.Equal(["opus"], answer.Media[0].Codecs.Select(codec => codec.Name));
        Assert.Equal(["VP8", "rtx"], answer.Media[1].Codecs.Select(codec => codec.Name));
        var sends = offered is MediaDirection.SendOnly or MediaDirection.SendRecv;
        Assert.Equal(sends, offer.Media[1].SsrcGroups.Any(group => group.Semantics == "FID"));
        Assert.Equal("actpass", offer.Media[0].Transport.Setup);
    }

    private static void AssertEveryRtxFollowsItsCodec(MediaDescription media)
    {
        for (var i = 0; i < media.Codecs.Count; i++)
        {
            if (media.Codecs[i].Is("rtx"))
            {
                Assert.Equal(media.Codecs[i - 1].PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture), media.Codecs[i].Parameter("apt"));
            }
        }
    }
}
