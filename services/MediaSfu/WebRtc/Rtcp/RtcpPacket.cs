using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// One RTCP packet of a compound packet (RFC 3550 §6.4): the 4-byte common header and its body (padding removed). The
/// 5-bit count field is the report count, source count or feedback format, depending on the type.
/// </summary>
public readonly ref struct RtcpPacket
{
    public const int HeaderLength = 4;

    public RtcpPacket(int count, byte type, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> body)
    {
        Count = count;
        Type = type;
        Bytes = bytes;
        Body = body;
    }

    public int Count { get; }

    public byte Type { get; }

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>What follows the common header, without padding.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>Writes a common header for a packet of <paramref name="length"/> bytes (a multiple of 4).</summary>
    public static void WriteHeader(Span<byte> destination, int count, byte type, int length)
    {
        destination[0] = (byte)(0x80 | (count & 0x1F));
        destination[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}
