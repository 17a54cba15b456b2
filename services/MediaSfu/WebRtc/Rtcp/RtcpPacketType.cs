namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>RTCP packet types (RFC 3550 §12.1, RFC 4585 §6.1) and the feedback formats we use.</summary>
public static class RtcpPacketType
{
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte SourceDescription = 202;
    public const byte Goodbye = 203;
    public const byte Application = 204;
    public const byte TransportFeedback = 205;
    public const byte PayloadFeedback = 206;

    /// <summary>FMT of a generic NACK in a transport-layer feedback packet (RFC 4585 §6.2.1).</summary>
    public const int NackFormat = 1;

    /// <summary>FMT of transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01).</summary>
    public const int TransportCcFormat = 15;

    public const int PliFormat = 1;
    public const int FirFormat = 4;

    /// <summary>FMT of application-layer feedback, which REMB uses.</summary>
    public const int ApplicationFeedbackFormat = 15;
}
