using System.Net;
using WebRtcChat.Testing;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;
using WebRtcChat.WebRtc.Tests.Sdp;

namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>Debian's Chromium as the controlling full agent against our ICE-lite server over real UDP.</summary>
public sealed class ChromeIceLiteTests
{
    private const string Offer = """
        async () => {
          const pc = new RTCPeerConnection();
          pc.addTransceiver('audio', { direction: 'sendrecv' });
          pc.addTransceiver('video', { direction: 'sendrecv' });
          await pc.setLocalDescription(await pc.createOffer());
          window.pc = pc;
          return pc.localDescription.sdp;
        }
        """;

    private const string AnswerAndWaitForIce = """
        async sdp => {
          const pc = window.pc;
          const connected = new Promise(done => {
            const check = () => ['connected', 'completed'].includes(pc.iceConnectionState) && done(pc.iceConnectionState);
            pc.addEventListener('iceconnectionstatechange', check);
            check();
          });
          await pc.setRemoteDescription({ type: 'answer', sdp });
          return await Promise.race([connected, new Promise(done => setTimeout(() => done('timeout: ' + pc.iceConnectionState), 15000))]);
        }
        """;

    [Fact]
    public async Task Chrome_connects_to_the_lite_server_nominates_and_starts_DTLS_on_the_session()
    {
        using var server = new IceLiteServer(new IceLiteServerOptions { BindAddress = IPAddress.Any, AdvertisedAddress = IPAddress.Loopback });
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync();
        Assert.True(SdpParser.TryParse(await page.EvaluateAsync<string>(Offer), out var offer, out var error), error);
        var transport = offer!.Media[0].Transport;
        var session = server.Register(new IceCredentials(transport.IceUfrag!, transport.IcePwd!));
        var clientHello = new TaskCompletionSource<byte>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Received += datagram => clientHello.TrySetResult(datagram[0]);
        var endpoint = new SdpEndpoint(session.LocalCredentials, SfuAnswerBuilderTests.Server.Fingerprint, [server.Candidate]);

        var state = await page.EvaluateAsync<string>(AnswerAndWaitForIce, SdpWriter.Write(SfuAnswerBuilder.Build(offer, endpoint)));

        Assert.Contains(state, new[] { "connected", "completed" });
        // Chrome reports "connected" once a check succeeded; its USE-CANDIDATE check may still be on the way.
        await Eventually.TrueAsync(() => session.IsNominated, "Chrome nominated the pair");
        Assert.Equal(22, await clientHello.Task.Within()); // a DTLS handshake record: Chrome's ClientHello, routed to this session
        Assert.Equal(0, server.Counters.RejectedBindingRequests);
    }
}
