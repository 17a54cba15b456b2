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
/// Our own client side of a connection to an ICE-lite server such as the SFU or Janus: it offers (or, with
/// <see cref="Answering"/>, answers the server's offer), then runs full ICE (controlling), the DTLS handshake in the
/// role the SDP gives us and SRTP, and sends and receives RTP and RTCP. The load generator, tests and Recording use it
/// where a browser is not wanted.
/// </summary>
public sealed class ClientPeer : IDisposable
{
    private const int BufferSize = 2048;

    private readonly IceAgent ice;
    private readonly DtlsEndpoint dtls;
    private readonly byte[] inbound = new byte[BufferSize];
    private readonly byte[] outbound = new byte[BufferSize];
    private readonly Lock sendGate = new();
    private readonly SessionDescription? remoteOffer;
    private IcePath? path;
    private DtlsSession? session;
    private SrtpSession? srtp;
    private long authenticationFailures;

    public ClientPeer(IReadOnlyList<OfferedTrack> tracks, DtlsCertificate? certificate = null)
    {
        ice = new IceAgent(new IceAgentOptions { IncludeNonLoopback = true });
        dtls = new DtlsEndpoint(certificate ?? DtlsCertificate.Generate());
        Offer = SdpOfferBuilder.Build(LocalEndpoint, tracks);
    }

    private ClientPeer(SessionDescription remoteOffer, DtlsCertificate? certificate)
    {
        ice = new IceAgent(new IceAgentOptions { IncludeNonLoopback = true });
        dtls = new DtlsEndpoint(certificate ?? DtlsCertificate.Generate());
        this.remoteOffer = remoteOffer;
        Offer = ClientAnswerBuilder.Build(remoteOffer, LocalEndpoint);
    }

    /// <summary>Our SDP for the server: the offer (its sending sections name our SSRCs), or the answer when <see cref="Answering"/>.</summary>
    public SessionDescription Offer { get; }

    public string OfferText => SdpWriter.Write(Offer);

    /// <summary>The server's answer, once <see cref="ConnectAsync(string, CancellationToken)"/> has read it.</summary>
    public SessionDescription? Answer { get; private set; }

    /// <summary>A receiving peer that answers a server's offer (<see cref="OfferText"/> is then our answer); connect with <see cref="ConnectAsync(CancellationToken)"/>.</summary>
    public static ClientPeer Answering(string offerText, DtlsCertificate? certificate = null) => new(Parse(offerText, "offer"), certificate);

    /// <summary>Whether each datagram's kernel arrival time is read (see <see cref="Arrival"/>; one more system call per datagram): for measuring latency.</summary>
    public bool StampArrivals
    {
        set => ice.StampArrivals = value;
    }

    /// <summary>When the packet being delivered to <see cref="RtpReceived"/> or <see cref="RtcpReceived"/> reached our socket (UTC), while <see cref="StampArrivals"/>.</summary>
    public DateTime? Arrival => path?.Arrival;

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
    public Task ConnectAsync(string answerText, CancellationToken cancellationToken = default)
    {
        Answer = Parse(answerText, "answer");
        return ConnectToAsync(Answer, cancellationToken);
    }

    /// <summary>Connects to the server whose offer this peer <see cref="Answering">answered</see>.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) =>
        ConnectToAsync(remoteOffer ?? throw new InvalidOperationException("This peer offered: connect with the server's answer."), cancellationToken);

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

    private SdpEndpoint LocalEndpoint => new(ice.LocalCredentials, dtls.Certificate.Fingerprint.ToSdp(), ice.LocalCandidates);

    private static SessionDescription Parse(string text, string what) => SdpParser.TryParse(text, out var description, out var error)
        ? description!
        : throw new InvalidOperationException($"The {what} is not valid SDP: {error}");

    /// <summary>ICE to the remote's candidates (from every section it bundles), DTLS in the role its a=setup leaves us, then SRTP.</summary>
    private async Task ConnectToAsync(SessionDescription remoteDescription, CancellationToken cancellationToken)
    {
        var accepted = remoteDescription.Media.Where(m => !m.IsRejected).ToList();
        var transport = accepted[0].Transport;
        var remote = new IceCredentials(transport.IceUfrag ?? remoteDescription.Transport.IceUfrag!, transport.IcePwd ?? remoteDescription.Transport.IcePwd!);
        var fingerprint = transport.Fingerprint ?? remoteDescription.Transport.Fingerprint!;
        var role = DtlsRoles.ForRemoteSetup(transport.Setup ?? remoteDescription.Transport.Setup);
        path = await ice.ConnectAsync(remote, accepted.SelectMany(m => m.Candidates).Distinct(), cancellationToken).ConfigureAwait(false);
        path.Received += OnDatagram;
        var result = await dtls.HandshakeAsync(path, role, CertificateFingerprint.Parse($"{fingerprint.Algorithm} {fingerprint.Value}"), cancellationToken).ConfigureAwait(false);
        session = result.Session ?? throw new InvalidOperationException($"DTLS failed ({result.Failure}): {result.Detail}");
        Volatile.Write(ref srtp, SrtpSession.Create(session.Keys, isDtlsClient: role == DtlsRole.Client));
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
