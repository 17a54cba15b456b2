namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>PLI (RFC 4585 §6.3.1): the receiver lost pictures of the media source and asks for a key frame. No FCI.</summary>
public static class PictureLossIndication
{
    public const int Length = RtcpPacket.HeaderLength + RtcpFeedback.FixedLength;

    public static bool Matches(RtcpFeedback feedback) =>
        feedback.Is(RtcpPacketType.PayloadFeedback, RtcpPacketType.PliFormat);

    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc) =>
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadFeedback, RtcpPacketType.PliFormat, senderSsrc, mediaSsrc, 0);
}
