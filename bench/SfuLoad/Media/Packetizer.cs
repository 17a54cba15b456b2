namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>Splits one encoded frame into RTP payloads, writing each into a buffer; returns the payload lengths.</summary>
public interface IPacketizer
{
    /// <summary>Writes the payloads of <paramref name="frame"/> one after another into <paramref name="payloads"/>, one per call of <paramref name="emit"/>.</summary>
    void Packetize(ReadOnlySpan<byte> frame, Span<byte> payload, PayloadEmitter emit);
}

/// <summary>Receives one payload of a frame; <paramref name="last"/> marks the frame's final packet (the RTP marker for video).</summary>
public delegate void PayloadEmitter(ReadOnlySpan<byte> payload, bool last);

/// <summary>Opus over RTP (RFC 7587): one frame, one packet, the payload as it is.</summary>
public sealed class OpusPacketizer : IPacketizer
{
    public void Packetize(ReadOnlySpan<byte> frame, Span<byte> payload, PayloadEmitter emit)
    {
        ArgumentNullException.ThrowIfNull(emit);
        emit(frame, last: true);
    }
}

/// <summary>
/// VP8 over RTP (RFC 7741): the frame in pieces of at most <see cref="MaxChunk"/> bytes, each after a 4-byte payload
/// descriptor with X=1, S on the first piece, partition 0, and I=1 with a 15-bit picture id (M=1) that counts frames.
/// </summary>
public sealed class Vp8Packetizer(int firstPictureId) : IPacketizer
{
    public const int MaxChunk = 1_100;
    private const int DescriptorLength = 4;

    private int pictureId = firstPictureId & 0x7FFF;

    public void Packetize(ReadOnlySpan<byte> frame, Span<byte> payload, PayloadEmitter emit)
    {
        ArgumentNullException.ThrowIfNull(emit);
        for (var offset = 0; offset < frame.Length; offset += MaxChunk)
        {
            var chunk = frame.Slice(offset, Math.Min(MaxChunk, frame.Length - offset));
            payload[0] = (byte)(0x80 | (offset == 0 ? 0x10 : 0)); // X, S
            payload[1] = 0x80; // I: a picture id follows
            payload[2] = (byte)(0x80 | (pictureId >> 8)); // M: 15 bits
            payload[3] = (byte)pictureId;
            chunk.CopyTo(payload[DescriptorLength..]);
            emit(payload[..(DescriptorLength + chunk.Length)], last: offset + chunk.Length >= frame.Length);
        }

        pictureId = (pictureId + 1) & 0x7FFF;
    }
}
