namespace WebRtcChat.WebRtc.Rtp;

/// <summary>One header extension element: its id and where its value lies in the packet.</summary>
public readonly record struct RtpExtensionElement(int Id, int Offset, int Length)
{
    public ReadOnlySpan<byte> ValueIn(ReadOnlySpan<byte> packet) => packet.Slice(Offset, Length);

    public Span<byte> ValueIn(Span<byte> packet) => packet.Slice(Offset, Length);
}
