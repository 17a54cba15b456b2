using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// Iterates the packets of a compound RTCP packet, checking each one's version, length and padding. Reduced-size RTCP
/// (RFC 5506) is accepted: a single packet of any type, in any order. A malformed packet ends the walk and sets
/// <see cref="IsMalformed"/>; the packets before it stay valid.
/// </summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> compound;
    private int position;

    public RtcpCompoundReader(ReadOnlySpan<byte> compound)
    {
        this.compound = compound;
        IsMalformed = compound.IsEmpty;
    }

    public bool IsMalformed { get; private set; }

    public bool TryRead(out RtcpPacket packet)
    {
        packet = default;
        var remaining = compound[position..];
        if (remaining.IsEmpty || IsMalformed)
        {
            return false;
        }

        if (remaining.Length < RtcpPacket.HeaderLength || remaining[0] >> 6 != 2)
        {
            return Malformed();
        }

        var length = (BinaryPrimitives.ReadUInt16BigEndian(remaining[2..]) + 1) * 4;
        if (length > remaining.Length)
        {
            return Malformed();
        }

        var bytes = remaining[..length];
        var body = bytes[RtcpPacket.HeaderLength..];
        if ((bytes[0] & 0x20) != 0)
        {
            var padding = bytes[^1];
            if (padding == 0 || padding > body.Length)
            {
                return Malformed();
            }

            body = body[..^padding];
        }

        position += length;
        packet = new RtcpPacket(bytes[0] & 0x1F, bytes[1], bytes, body);
        return true;
    }

    /// <summary>True if every packet of <paramref name="compound"/> is well-formed.</summary>
    public static bool IsValid(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryRead(out _))
        {
        }

        return !reader.IsMalformed;
    }

    private bool Malformed()
    {
        IsMalformed = true;
        return false;
    }
}
