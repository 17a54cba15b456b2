using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Sdp;
using WebRtcChat.WebRtc.Srtp;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Client;

/// <summary>Receives one decrypted RTP or RTCP packet; the span is only valid during the call.</summary>
public delegate void PacketHandler(ReadOnlySpan<byte> packet);

/// <summary>
/// Our own client side of a connection to an ICE-lite, DTLS-passive server such as the SFU: it offers, then on the
/// answer runs full ICE (controlling), the DTLS client handshake and SRTP, and sends and receives RTP and RTCP. The
/// load generator, tests and Recording use it where a browser is not wanted.
/// </summary>
public sealed class ClientPeer : IDisposable
{
    private const int BufferSize = 2048;

    private readonly IceAgent ice;
    private readonly DtlsEndpoint dtls;
    private readonly byte[] inbound = new byte[BufferSize];
    private readonly byte[] outbound = new byte[BufferSize];
    private readonly Lock sendGate = new();
    private IcePath? path;
    private DtlsSession? session;
    private SrtpSession? srtp;
    private long authenticationFailures;

    public ClientPeer(IReadOnlyList<OfferedTrack> tracks, DtlsCertificate? certificate = null)
    {
        ice = new IceAgent(new IceAgentOptions { IncludeNonLoopback = true });
        dtls = new DtlsEndpoint(certificate ?? DtlsCertificate.Generate());
        Offer = SdpOfferBuilder.Build(new SdpEndpoint(ice.LocalCredentials, dtls.Certificate.Fingerprint.ToSdp(), ice.LocalCandidates), tracks);
    }

    /// <summary>The offer to send to the server; its sending sections name our SSRCs.</summary>
    public SessionDescription Offer { get; }

    public string OfferText => SdpWriter.Write(Offer);

    /// <summary>The server's answer, once <see cref="ConnectAsync"/> has read it.</summary>
    public SessionDescription? Answer { get; private set; }

    /// <summary>Packets that failed SRTP authentication (forged, corrupted or replayed).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref authenticationFailures);

    /// <summary>Every RTP packet received, decrypted.</summary>
    public event PacketHandler? RtpReceived;

    /// <summary>Every RTCP compound packet received, decrypted.</summary>
    public event PacketHandler? RtcpReceived;

    /// <summary>The media SSRC our offer announced for the section <paramref name="mid"/>.</summary>
    public uint SsrcOf(string mid) =>
        Offer.Media.Single(m => m.Mid == mid).PrimarySsrc ?? throw new InvalidOperationException($"Section {mid} sends nothing.");

    /// <summary>Connects to the server that sent <paramref name="answerText"/>: ICE, then DTLS (we are the client), then SRTP.</summary>
    public async Task ConnectAsync(string answerText, CancellationToken cancellationToken = default)
    {
        if (!SdpParser.TryParse(answerText, out var answer, out var error))
        {
            throw new InvalidOperationException($"The answer is not valid SDP: {error}");
        }

        Answer = answer;
        var media = answer!.Media.First(m => !m.IsRejected);
        var transport = media.Transport;
        var remote = new IceCredentials(transport.IceUfrag ?? answer.Transport.IceUfrag!, transport.IcePwd ?? answer.Transport.IcePwd!);
        var fingerprint = transport.Fingerprint ?? answer.Transport.Fingerprint!;
        path = await ice.ConnectAsync(remote, media.Candidates, cancellationToken).ConfigureAwait(false);
        path.Received += OnDatagram;
        var result = await dtls.HandshakeAsync(path, DtlsRole.Client, CertificateFingerprint.Parse($"{fingerprint.Algorithm} {fingerprint.Value}"), cancellationToken).ConfigureAwait(false);
        session = result.Session ?? throw new InvalidOperationException($"DTLS failed ({result.Failure}): {result.Detail}");
        Volatile.Write(ref srtp, SrtpSession.Create(session.Keys, isDtlsClient: true));
    }

    /// <summary>Encrypts and sends one RTP packet.</summary>
    public void SendRtp(ReadOnlySpan<byte> packet) => Send(packet, rtcp: false);

    /// <summary>Encrypts and sends one RTCP compound packet.</summary>
    public void SendRtcp(ReadOnlySpan<byte> packet) => Send(packet, rtcp: true);

    /// <summary>Sends raw bytes on the connected path, bypassing SRTP (to test what the server does with them).</summary>
    public void SendRaw(ReadOnlySpan<byte> datagram) => Connected.Send(datagram);

    public void Dispose()
    {
        session?.Close();
        ice.Dispose();
        lock (sendGate)
        {
            srtp?.Dispose();
        }
    }

    private IDatagramChannel Connected => path ?? throw new InvalidOperationException("Connect first.");

    private void Send(ReadOnlySpan<byte> packet, bool rtcp)
    {
        var keys = Volatile.Read(ref srtp) ?? throw new InvalidOperationException("Connect first.");
        lock (sendGate)
        {
            packet.CopyTo(outbound);
            var result = rtcp ? keys.ProtectRtcp(outbound, packet.Length) : keys.ProtectRtp(outbound, packet.Length);
            if (result.IsSuccess)
            {
                Connected.Send(outbound.AsSpan(0, result.Length));
            }
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 12 || datagram[0] < 128 || datagram[0] > 191 || datagram.Length > inbound.Length || Volatile.Read(ref srtp) is not { } keys)
        {
            return;
        }

        datagram.CopyTo(inbound);
        var packet = inbound.AsSpan(0, datagram.Length);
        var rtcp = RtcpMux.IsRtcp(packet);
        var result = rtcp ? keys.UnprotectRtcp(packet) : keys.UnprotectRtp(packet);
        if (!result.IsSuccess)
        {
            Interlocked.Increment(ref authenticationFailures);
            return;
        }

        (rtcp ? RtcpReceived : RtpReceived)?.Invoke(packet[..result.Length]);
    }
}
