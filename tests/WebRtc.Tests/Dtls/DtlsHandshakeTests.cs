using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class DtlsHandshakeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Client_and_server_agree_on_the_same_srtp_keys_whichever_side_takes_which_role(bool aliceIsClient)
    {
        using var pair = new LoopbackPair();
        var (client, server) = aliceIsClient ? (Peers.Alice(), Peers.Bob()) : (Peers.Bob(), Peers.Alice());

        var (clientResult, serverResult) = await Peers.HandshakeAsync(pair, client, server);

        Assert.True(clientResult.Succeeded, clientResult.Detail);
        Assert.True(serverResult.Succeeded, serverResult.Detail);
        var clientKeys = clientResult.Session!.Keys;
        var serverKeys = serverResult.Session!.Keys;
        Assert.Equal(SrtpProfile.AeadAes128Gcm, clientKeys.Profile);
        Assert.Equal(serverKeys.Profile, clientKeys.Profile);
        Assert.Equal(serverKeys.ClientKey, clientKeys.ClientKey);
        Assert.Equal(serverKeys.ClientSalt, clientKeys.ClientSalt);
        Assert.Equal(serverKeys.ServerKey, clientKeys.ServerKey);
        Assert.Equal(serverKeys.ServerSalt, clientKeys.ServerSalt);
        Assert.Equal((16, 12), (clientKeys.ClientKey.Length, clientKeys.ClientSalt.Length));
        Assert.NotEqual(clientKeys.ClientKey, clientKeys.ServerKey);
        Assert.Equal(server.Certificate.Fingerprint.ToString(), clientResult.Session.RemoteFingerprint.ToString());
        Assert.Equal(client.Certificate.Fingerprint.ToString(), serverResult.Session.RemoteFingerprint.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Aes_cm_is_negotiated_when_one_side_offers_only_that(bool clientLimited)
    {
        using var pair = new LoopbackPair();
        var cmOnly = new DtlsOptions { SrtpProfiles = [SrtpProfile.Aes128CmHmacSha1_80] };
        var client = Peers.Alice(clientLimited ? cmOnly : null);
        var server = Peers.Bob(clientLimited ? null : cmOnly);

        var (clientResult, serverResult) = await Peers.HandshakeAsync(pair, client, server);

        Assert.True(clientResult.Succeeded, clientResult.Detail);
        Assert.True(serverResult.Succeeded, serverResult.Detail);
        Assert.Equal(SrtpProfile.Aes128CmHmacSha1_80, clientResult.Session!.Keys.Profile);
        Assert.Equal(SrtpProfile.Aes128CmHmacSha1_80, serverResult.Session!.Keys.Profile);
        Assert.Equal((16, 14), (clientResult.Session.Keys.ServerKey.Length, clientResult.Session.Keys.ServerSalt.Length));
        Assert.Equal(serverResult.Session.Keys.ServerSalt, clientResult.Session.Keys.ServerSalt);
    }

    [Fact]
    public async Task Without_a_common_srtp_profile_both_sides_fail()
    {
        using var pair = new LoopbackPair();
        var client = Peers.Alice(new DtlsOptions { SrtpProfiles = [SrtpProfile.Aes128CmHmacSha1_80] });
        var server = Peers.Bob(new DtlsOptions { SrtpProfiles = [SrtpProfile.AeadAes128Gcm] });

        var (clientResult, serverResult) = await Peers.HandshakeAsync(pair, client, server);

        Assert.Equal(DtlsFailure.NoCommonSrtpProfile, serverResult.Failure);
        Assert.Equal(DtlsFailure.RejectedByPeer, clientResult.Failure);
    }

    [Fact]
    public async Task A_server_whose_certificate_is_not_the_one_in_the_sdp_is_rejected_by_the_client()
    {
        using var pair = new LoopbackPair();
        var stranger = DtlsCertificate.Generate().Fingerprint;
        var options = new DtlsOptions { HandshakeTimeout = TimeSpan.FromSeconds(5) };
        var started = DateTime.UtcNow;

        var (clientResult, serverResult) = await Peers.HandshakeAsync(
            pair, Peers.Alice(options), Peers.Bob(options), clientExpects: stranger);

        Assert.Equal(DtlsFailure.FingerprintMismatch, clientResult.Failure);
        Assert.Equal(DtlsFailure.RejectedByPeer, serverResult.Failure);
        Assert.Contains("bad_certificate", serverResult.Detail, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the failure should not wait for the timeout");
    }

    [Fact]
    public async Task A_client_whose_certificate_is_not_the_one_in_the_sdp_is_rejected_by_the_server()
    {
        using var pair = new LoopbackPair();
        var stranger = DtlsCertificate.Generate().Fingerprint;
        var options = new DtlsOptions { HandshakeTimeout = TimeSpan.FromSeconds(5) };
        var started = DateTime.UtcNow;

        var (clientResult, serverResult) = await Peers.HandshakeAsync(
            pair, Peers.Alice(options), Peers.Bob(options), serverExpects: stranger);

        Assert.Equal(DtlsFailure.FingerprintMismatch, serverResult.Failure);
        Assert.Equal(DtlsFailure.RejectedByPeer, clientResult.Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the failure should not wait for the timeout");
    }

    [Fact]
    public async Task Lost_flights_are_retransmitted_on_the_dtls_timer_and_the_handshake_completes()
    {
        using var pair = new LoopbackPair();
        var clientPath = new LossyChannel(pair.A, lost: 1); // the first ClientHello
        var serverPath = new LossyChannel(pair.B, lost: 2); // the first answer to it, and then some
        var (client, server) = (Peers.Alice(), Peers.Bob());

        var serving = server.HandshakeAsync(serverPath, DtlsRole.Server, client.Certificate.Fingerprint);
        var connecting = client.HandshakeAsync(clientPath, DtlsRole.Client, server.Certificate.Fingerprint);
        var results = await Task.WhenAll(connecting, serving).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Detail));
        Assert.Equal((1, 2), (clientPath.Lost, serverPath.Lost));
        Assert.Equal(results[1].Session!.Keys.ClientKey, results[0].Session!.Keys.ClientKey);
    }

    [Fact]
    public async Task A_handshake_with_a_silent_peer_times_out_and_frees_its_thread()
    {
        using var pair = new LoopbackPair();
        var endpoint = Peers.Alice(new DtlsOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(800) });

        var result = await endpoint.HandshakeAsync(pair.A, DtlsRole.Client, Peers.BobCertificate.Fingerprint)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DtlsFailure.TimedOut, result.Failure);
        Assert.Equal(0, endpoint.HandshakesInFlight);
    }

    [Fact]
    public async Task Cancelling_a_handshake_fails_it_as_cancelled()
    {
        using var pair = new LoopbackPair();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await Peers.Alice().HandshakeAsync(pair.A, DtlsRole.Server, Peers.BobCertificate.Fingerprint,
            cancellation.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DtlsFailure.Cancelled, result.Failure);
    }

    [Fact]
    public async Task Close_notify_from_one_side_closes_the_other_sides_session()
    {
        using var pair = new LoopbackPair();
        var (clientResult, serverResult) = await Peers.HandshakeAsync(pair, Peers.Alice(), Peers.Bob());
        var serverClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serverResult.Session!.Closed += () => serverClosed.TrySetResult();

        clientResult.Session!.Close();

        await serverClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(serverResult.Session.IsClosed);
        Assert.True(clientResult.Session.IsClosed);
    }

    [Fact]
    public async Task A_closing_datagram_channel_closes_the_session()
    {
        using var pair = new LoopbackPair();
        var (clientResult, _) = await Peers.HandshakeAsync(pair, Peers.Alice(), Peers.Bob());
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clientResult.Session!.Closed += () => closed.TrySetResult();

        pair.A.Dispose();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
