namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// Tells RTCP from RTP on a multiplexed port (RFC 5761 §4): RTCP packet types 192-223 fall where RTP's marker bit and
/// payload type would read 64-95, which RTP payload types avoid. Call it on datagrams already known to be RTP or RTCP
/// (first byte 128-191, RFC 7983), before unprotecting: the second byte is in the clear in SRTP and SRTCP alike.
/// </summary>
public static class RtcpMux
{
    private const byte FirstRtcpType = 192;
    private const byte LastRtcpType = 223;

    public static bool IsRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= 2 && packet[0] >> 6 == 2 && packet[1] is >= FirstRtcpType and <= LastRtcpType;
}
