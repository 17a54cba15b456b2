namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// Both directions of the SRTP session a DTLS-SRTP handshake keyed: outbound under our side's master key, inbound
/// under the peer's (RFC 5764 §4.2). Each direction is owned by one thread at a time (the send path, the receive loop).
/// </summary>
public sealed class SrtpSession : IDisposable
{
    private SrtpSession(SrtpContext outbound, SrtpContext inbound)
    {
        Outbound = outbound;
        Inbound = inbound;
    }

    public SrtpContext Outbound { get; }

    public SrtpContext Inbound { get; }

    public int RtpOverhead => Outbound.RtpOverhead;

    public int RtcpOverhead => Outbound.RtcpOverhead;

    public static SrtpSession Create(SrtpKeys keys, bool isDtlsClient, int maxStreams = SrtpContext.DefaultMaxStreams)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var (localKey, localSalt, remoteKey, remoteSalt) = isDtlsClient
            ? (keys.ClientKey, keys.ClientSalt, keys.ServerKey, keys.ServerSalt)
            : (keys.ServerKey, keys.ServerSalt, keys.ClientKey, keys.ClientSalt);
        return new SrtpSession(
            new SrtpContext(SrtpTransform.Create(keys.Profile, localKey, localSalt), maxStreams),
            new SrtpContext(SrtpTransform.Create(keys.Profile, remoteKey, remoteSalt), maxStreams));
    }

    public SrtpResult ProtectRtp(Span<byte> buffer, int length) => Outbound.ProtectRtp(buffer, length);

    public SrtpResult UnprotectRtp(Span<byte> packet) => Inbound.UnprotectRtp(packet);

    public SrtpResult ProtectRtcp(Span<byte> buffer, int length) => Outbound.ProtectRtcp(buffer, length);

    public SrtpResult UnprotectRtcp(Span<byte> packet) => Inbound.UnprotectRtcp(packet);

    public void Dispose()
    {
        Outbound.Dispose();
        Inbound.Dispose();
    }
}
