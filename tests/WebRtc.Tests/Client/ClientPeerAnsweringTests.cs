using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.WebRtc.Tests.Client;

/// <summary>
/// The answering mode a Janus subscriber needs, proven between two of our peers over loopback: one offers, the other
/// answers with a=setup:active, so the offerer must be the DTLS server and read the answerer's candidates.
/// </summary>
public sealed class ClientPeerAnsweringTests
{
    [Fact]
    public async Task An_answering_peer_receives_the_offerers_media_over_ice_and_dtls_srtp()
    {
        using var offerer = new ClientPeer([new OfferedTrack("audio", MediaDirection.SendOnly), new OfferedTrack("video", MediaDirection.SendOnly)]);
        using var answerer = ClientPeer.Answering(offerer.OfferText);
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        answerer.RtpReceived += packet => received.TrySetResult(packet.ToArray());

        await Task.WhenAll(offerer.ConnectAsync(answerer.OfferText), answerer.ConnectAsync()).WaitAsync(TimeSpan.FromSeconds(10));
        var packet = new byte[200];
        RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, 7, 90, offerer.SsrcOf("1"));
        packet[^1] = 0x5A;
        offerer.SendRtp(packet);

        Assert.Equal(packet, await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void The_answer_accepts_every_offered_section_receive_only_as_the_dtls_client()
    {
        using var offerer = new ClientPeer([new OfferedTrack("audio", MediaDirection.SendOnly), new OfferedTrack("video", MediaDirection.SendOnly)]);
        using var answerer = ClientPeer.Answering(offerer.OfferText);

        var answer = answerer.Offer;
        Assert.Equal(["0", "1"], answer.Bundle!.Mids);
        Assert.All(answer.Media, media => Assert.Equal(MediaDirection.RecvOnly, media.Direction));
        Assert.All(answer.Media, media => Assert.Equal("active", media.Transport.Setup));
        Assert.Equal(["opus"], answer.Media[0].Codecs.Select(c => c.Name));
        Assert.Equal(["VP8", "rtx"], answer.Media[1].Codecs.Select(c => c.Name));
    }

    [Theory]
    [InlineData("active", DtlsRole.Server)]
    [InlineData("passive", DtlsRole.Client)]
    [InlineData("actpass", DtlsRole.Client)]
    [InlineData(null, DtlsRole.Client)]
    public void Our_dtls_role_is_the_opposite_of_the_remote_setup(string? remoteSetup, DtlsRole expected) =>
        Assert.Equal(expected, DtlsRoles.ForRemoteSetup(remoteSetup));
}
