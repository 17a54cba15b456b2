using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>One FIR entry: the SSRC asked for a decoder refresh and the request's sequence number.</summary>
public readonly record struct FirEntry(uint Ssrc, byte SequenceNumber);

/// <summary>
/// FIR (RFC 5104 §4.3.1): a payload-specific feedback whose media SSRC is 0 and whose FCI lists the SSRCs asked for a
/// key frame, each with a sequence number that a retransmitted request repeats.
/// </summary>
public static class FullIntraRequest
{
    public const int EntryLength = 8;

    public static bool Matches(RtcpFeedback feedback) =>
        feedback.Is(RtcpPacketType.PayloadFeedback, RtcpPacketType.FirFormat);

    public static int EntryCount(RtcpFeedback feedback) => feedback.Fci.Length / EntryLength;

    public static FirEntry GetEntry(RtcpFeedback feedback, int index)
    {
        var entry = feedback.Fci.Slice(index * EntryLength, EntryLength);
        return new FirEntry(BinaryPrimitives.ReadUInt32BigEndian(entry), entry[4]);
    }

    public static int Write(Span<byte> destination, uint senderSsrc, ReadOnlySpan<FirEntry> entries)
    {
        var length = RtcpFeedback.WriteHeader(
            destination, RtcpPacketType.PayloadFeedback, RtcpPacketType.FirFormat, senderSsrc, 0, entries.Length * EntryLength);
        var fci = destination[(RtcpPacket.HeaderLength + RtcpFeedback.FixedLength)..length];
        fci.Clear();
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(fci[(i * EntryLength)..], entries[i].Ssrc);
            fci[(i * EntryLength) + 4] = entries[i].SequenceNumber;
        }

        return length;
    }
}
