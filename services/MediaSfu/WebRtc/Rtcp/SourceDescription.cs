using System.Buffers.Binary;
using System.Text;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// SDES (RFC 3550 §6.5): chunks of an SSRC and its items (type, length, UTF-8 text), each chunk ended by a zero byte
/// and padded to 32 bits. We write CNAME only and read any item.
/// </summary>
public static class SourceDescription
{
    public const byte CnameItem = 1;

    private const int MaxItemLength = 255;

    /// <summary>Calls <paramref name="onItem"/> for every item; false if the packet is malformed.</summary>
    public static bool TryReadItems(RtcpPacket packet, SdesItemHandler onItem)
    {
        ArgumentNullException.ThrowIfNull(onItem);
        if (packet.Type != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        var body = packet.Body;
        var offset = 0;
        for (var chunk = 0; chunk < packet.Count; chunk++)
        {
            if (offset + 4 > body.Length)
            {
                return false;
            }

            var ssrc = BinaryPrimitives.ReadUInt32BigEndian(body[offset..]);
            offset += 4;
            while (true)
            {
                if (offset >= body.Length)
                {
                    return false;
                }

                var type = body[offset];
                if (type == 0)
                {
                    offset = (offset + 4) & ~3; // the terminating zero, then padding to the next 32-bit boundary
                    break;
                }

                if (offset + 2 > body.Length || offset + 2 + body[offset + 1] > body.Length)
                {
                    return false;
                }

                onItem(ssrc, type, body.Slice(offset + 2, body[offset + 1]));
                offset += 2 + body[offset + 1];
            }
        }

        return true;
    }

    /// <summary>The CNAME of <paramref name="ssrc"/> in this SDES packet, or null.</summary>
    public static string? FindCname(RtcpPacket packet, uint ssrc)
    {
        string? cname = null;
        TryReadItems(packet, (source, type, value) =>
        {
            if (source == ssrc && type == CnameItem)
            {
                cname = Encoding.UTF8.GetString(value);
            }
        });
        return cname;
    }

    /// <summary>Writes an SDES packet with one chunk holding <paramref name="ssrc"/>'s CNAME; returns its length.</summary>
    public static int WriteCname(Span<byte> destination, uint ssrc, string cname)
    {
        var cnameLength = Encoding.UTF8.GetByteCount(cname);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cnameLength, MaxItemLength, nameof(cname));
        var chunkLength = (4 + 2 + cnameLength + 1 + 3) & ~3;
        var length = RtcpPacket.HeaderLength + chunkLength;
        RtcpPacket.WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        var chunk = destination.Slice(RtcpPacket.HeaderLength, chunkLength);
        chunk.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(chunk, ssrc);
        chunk[4] = CnameItem;
        chunk[5] = (byte)cnameLength;
        Encoding.UTF8.GetBytes(cname, chunk[6..]);
        return length;
    }
}

/// <summary>Receives one SDES item: the chunk's SSRC, the item type and its value.</summary>
public delegate void SdesItemHandler(uint ssrc, byte type, ReadOnlySpan<byte> value);
