using System.Buffers.Binary;
using System.Text;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>BYE (RFC 3550 §6.6): the sources leaving and an optional reason.</summary>
public readonly ref struct Goodbye
{
    private readonly ReadOnlySpan<byte> sources;

    private Goodbye(ReadOnlySpan<byte> sources, ReadOnlySpan<byte> reason)
    {
        this.sources = sources;
        Reason = reason;
    }

    public int SourceCount => sources.Length / 4;

    /// <summary>The reason's UTF-8 bytes; empty without one.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    public uint GetSource(int index) => BinaryPrimitives.ReadUInt32BigEndian(sources[(index * 4)..]);

    public static bool TryParse(RtcpPacket packet, out Goodbye goodbye)
    {
        goodbye = default;
        var body = packet.Body;
        var sourcesLength = packet.Count * 4;
        if (packet.Type != RtcpPacketType.Goodbye || body.Length < sourcesLength)
        {
            return false;
        }

        var rest = body[sourcesLength..];
        var reason = ReadOnlySpan<byte>.Empty;
        if (!rest.IsEmpty)
        {
            if (1 + rest[0] > rest.Length)
            {
                return false;
            }

            reason = rest.Slice(1, rest[0]);
        }

        goodbye = new Goodbye(body[..sourcesLength], reason);
        return true;
    }

    /// <summary>Writes a BYE for up to 31 sources with an optional reason; returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<uint> sources, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sources.Length, 31);
        var reasonLength = reason is null ? 0 : Encoding.UTF8.GetByteCount(reason);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reasonLength, 255, nameof(reason));
        var reasonBlock = reason is null ? 0 : (1 + reasonLength + 3) & ~3;
        var length = RtcpPacket.HeaderLength + (sources.Length * 4) + reasonBlock;
        RtcpPacket.WriteHeader(destination, sources.Length, RtcpPacketType.Goodbye, length);
        var offset = RtcpPacket.HeaderLength;
        foreach (var source in sources)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], source);
            offset += 4;
        }

        if (reason is not null)
        {
            destination.Slice(offset, reasonBlock).Clear();
            destination[offset] = (byte)reasonLength;
            Encoding.UTF8.GetBytes(reason, destination[(offset + 1)..]);
        }

        return length;
    }
}
