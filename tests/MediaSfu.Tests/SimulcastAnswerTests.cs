using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// The SFU's answers to the simulcast offers captured from Chrome and Firefox: the layers are received, the extensions
/// that name them kept, REMB and transport-cc negotiated (the publisher's browser gets both from us); subscribers are
/// told one SSRC of ours for the track (and one for our retransmissions of it), and keep transport-cc too (their
/// feedback drives our estimate of their downlink).
/// </summary>
public sealed class SimulcastAnswerTests : IDisposable
{
    private const string MidUri = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private const string RidUri = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    private const string RepairedRidUri = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    private readonly SfuNode node = new(Options.Create(new SfuOptions { UdpBindAddress = "127.0.0.1", AdvertisedAddress = "127.0.0.1" }), TimeProvider.System);

    [Theory]
    [InlineData("chrome-simulcast")]
    [InlineData("firefox-simulcast")]
    public void A_browsers_three_layers_are_received_as_one_track_named_by_rid(string name)
    {
        var offerText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sdp", name + ".sdp"));
        Assert.True(ParticipantOffer.TryParse(offerText, out var offer, out var problem), problem);
        var media = node.CallFor(Guid.CreateVersion7());

        var (publisher, answerText) = node.Admit(media, Guid.CreateVersion7(), Guid.CreateVersion7(), offer);

        Assert.True(SdpParser.TryParse(answerText, out var answer, out var error), error);
        var offered = offer.Description.Media[1];
        var video = answer!.Media[1];
        Assert.Equal(["q", "h", "f"], video.Rids.Select(r => r.Id));
        Assert.All(video.Rids, rid => Assert.Equal(RidDirection.Recv, rid.Direction));
        Assert.Equal("recv q;h;f", video.Simulcast);
        foreach (var uri in new[] { MidUri, RidUri, RepairedRidUri })
        {
            Assert.Equal(offered.Extmaps.Single(e => e.Uri == uri).Id, video.Extmaps.Single(e => e.Uri == uri).Id);
        }

        Assert.All(video.Codecs.Where(c => !c.Is("rtx")), codec => Assert.Contains("goog-remb", codec.Feedback));
        Assert.All(video.Codecs.Where(c => !c.Is("rtx")), codec => Assert.Contains("transport-cc", codec.Feedback));
        Assert.Equal(offered.Extmaps.Single(e => e.Uri.Contains("transport-wide-cc", StringComparison.Ordinal)).Id, video.Extmaps.Single(e => e.Uri.Contains("transport-wide-cc", StringComparison.Ordinal)).Id);

        var track = Assert.Single(publisher.Published, t => t.Kind == MediaKind.Video);
        Assert.Equal(["q", "h", "f"], track.Layers.Select(l => l.Rid));
        Assert.All(track.Layers, layer => Assert.Equal(0u, layer.Ssrc)); // bound by the first packets, not by a=ssrc
        Assert.Equal(offered.Mid, track.Mid);

        using var subscriber = new ClientPeer(SfuClients.Receiving);
        var (_, subscriberAnswer) = node.Admit(media, Guid.CreateVersion7(), Guid.CreateVersion7(), Parse(subscriber.OfferText));
        Assert.True(SdpParser.TryParse(subscriberAnswer, out var received, out _));
        var receivedVideo = received!.Media.Single(m => m.Kind == "video");
        Assert.Equal([track.Ssrc, track.Recovery!.RepairSsrc], receivedVideo.Ssrcs.Select(s => s.Ssrc).Distinct());
        Assert.Equal([track.Ssrc, track.Recovery.RepairSsrc], Assert.Single(receivedVideo.SsrcGroups, g => g.Semantics == "FID").Ssrcs);
        Assert.DoesNotContain(track.Ssrc, offered.Ssrcs.Select(s => s.Ssrc));
        Assert.Contains(receivedVideo.Extmaps, e => e.Uri.Contains("transport-wide-cc", StringComparison.Ordinal));
        Assert.All(receivedVideo.Codecs.Where(c => !c.Is("rtx")), codec => Assert.Contains("transport-cc", codec.Feedback));
    }

    public void Dispose() => node.Dispose();

    private static ParticipantOffer Parse(string sdp)
    {
        Assert.True(ParticipantOffer.TryParse(sdp, out var offer, out var problem), problem);
        return offer;
    }
}
