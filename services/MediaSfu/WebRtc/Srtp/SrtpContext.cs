using System.Buffers.Binary;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// One direction of an SRTP session: the transform under that direction's keys and the per-SSRC state. Inbound
/// streams are created on their first authenticated packet, and a packet that fails parsing, replay checks or
/// authentication changes no state. Not thread-safe: one receive (or send) loop owns a context.
/// </summary>
public sealed class SrtpContext : IDisposable
{
    public const int DefaultMaxStreams = 256;

    private readonly SrtpTransform transform;
    private readonly Dictionary<uint, SrtpStreamState> streams = [];
    private readonly int maxStreams;
    private SrtpStreamState spare = new();

    public SrtpContext(SrtpTransform transform, int maxStreams = DefaultMaxStreams)
    {
        this.transform = transform;
        this.maxStreams = maxStreams;
    }

    /// <summary>Bytes a protected RTP packet grows by.</summary>
    public int RtpOverhead => transform.TagLength;

    /// <summary>Bytes a protected RTCP packet grows by.</summary>
    public int RtcpOverhead => transform.TagLength + SrtpTransform.SrtcpIndexLength;

    public int StreamCount => streams.Count;

    /// <summary>The rollover counter of an SSRC's stream, if the context has seen it.</summary>
    public uint? GetRolloverCounter(uint ssrc) => streams.TryGetValue(ssrc, out var s) ? s.RtpIndex.RolloverCounter : null;

    /// <summary>Protects the RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>]; the buffer needs <see cref="RtpOverhead"/> bytes more.</summary>
    public SrtpResult ProtectRtp(Span<byte> buffer, int length)
    {
        if (!RtpHeader.TryParseWithoutPadding(buffer[..length], out var header))
        {
            return SrtpResult.Fail(SrtpFailure.Malformed);
        }

        var protectedLength = length + RtpOverhead;
        if (buffer.Length < protectedLength)
        {
            return SrtpResult.Fail(SrtpFailure.BufferTooSmall);
        }

        var stream = StreamFor(header.Ssrc);
        if (stream is null)
        {
            return SrtpResult.Fail(SrtpFailure.TooManyStreams);
        }

        if (!stream.RtpIndex.Estimate(header.SequenceNumber, out var index))
        {
            return SrtpResult.Fail(SrtpFailure.Replayed);
        }

        transform.ProtectRtp(buffer[..protectedLength], header.PayloadOffset, header.Ssrc, index);
        stream.RtpIndex.Commit(index);
        Adopt(header.Ssrc, stream);
        return SrtpResult.Ok(protectedLength);
    }

    /// <summary>Authenticates, replay-checks and decrypts the SRTP packet in place; returns the RTP packet's length.</summary>
    public SrtpResult UnprotectRtp(Span<byte> packet)
    {
        if (packet.Length < RtpHeader.FixedLength + RtpOverhead
            || !RtpHeader.TryParseWithoutPadding(packet[..^RtpOverhead], out var header))
        {
            return SrtpResult.Fail(SrtpFailure.Malformed);
        }

        var stream = StreamFor(header.Ssrc);
        if (stream is null)
        {
            return SrtpResult.Fail(SrtpFailure.TooManyStreams);
        }

        if (!stream.RtpIndex.Estimate(header.SequenceNumber, out var index) || !stream.RtpReplay.IsFresh(index))
        {
            return SrtpResult.Fail(SrtpFailure.Replayed);
        }

        if (!transform.UnprotectRtp(packet, header.PayloadOffset, header.Ssrc, index))
        {
            return SrtpResult.Fail(SrtpFailure.AuthenticationFailed);
        }

        stream.RtpIndex.Commit(index);
        stream.RtpReplay.Accept(index);
        Adopt(header.Ssrc, stream);
        return SrtpResult.Ok(packet.Length - RtpOverhead);
    }

    /// <summary>Protects the RTCP compound packet in <paramref name="buffer"/>[..<paramref name="length"/>]; the buffer needs <see cref="RtcpOverhead"/> bytes more.</summary>
    public SrtpResult ProtectRtcp(Span<byte> buffer, int length)
    {
        if (!IsRtcp(buffer[..length]))
        {
            return SrtpResult.Fail(SrtpFailure.Malformed);
        }

        var protectedLength = length + RtcpOverhead;
        if (buffer.Length < protectedLength)
        {
            return SrtpResult.Fail(SrtpFailure.BufferTooSmall);
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        var stream = StreamFor(ssrc);
        if (stream is null)
        {
            return SrtpResult.Fail(SrtpFailure.TooManyStreams);
        }

        var index = stream.NextSrtcpIndex;
        stream.NextSrtcpIndex = (index + 1) & SrtpStreamState.MaxSrtcpIndex;
        transform.ProtectRtcp(buffer[..protectedLength], length, ssrc, index);
        Adopt(ssrc, stream);
        return SrtpResult.Ok(protectedLength);
    }

    /// <summary>Authenticates, replay-checks and decrypts the SRTCP packet in place; returns the RTCP packet's length.</summary>
    public SrtpResult UnprotectRtcp(Span<byte> packet)
    {
        if (packet.Length < SrtpTransform.RtcpHeaderLength + RtcpOverhead || !IsRtcp(packet))
        {
            return SrtpResult.Fail(SrtpFailure.Malformed);
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        var stream = StreamFor(ssrc);
        if (stream is null)
        {
            return SrtpResult.Fail(SrtpFailure.TooManyStreams);
        }

        var indexWord = transform.ReadSrtcpIndexWord(packet);
        var index = indexWord & SrtpStreamState.MaxSrtcpIndex;
        if (!stream.RtcpReplay.IsFresh(index))
        {
            return SrtpResult.Fail(SrtpFailure.Replayed);
        }

        var plainLength = transform.UnprotectRtcp(packet, ssrc, indexWord);
        if (plainLength < 0)
        {
            return SrtpResult.Fail(SrtpFailure.AuthenticationFailed);
        }

        stream.RtcpReplay.Accept(index);
        Adopt(ssrc, stream);
        return SrtpResult.Ok(plainLength);
    }

    public void Dispose() => transform.Dispose();

    private static bool IsRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= SrtpTransform.RtcpHeaderLength && packet[0] >> 6 == RtpHeader.Version2;

    /// <summary>The SSRC's state, or the spare one for a new SSRC (kept only if the packet succeeds); null when full.</summary>
    private SrtpStreamState? StreamFor(uint ssrc)
    {
        if (streams.TryGetValue(ssrc, out var stream))
        {
            return stream;
        }

        return streams.Count < maxStreams ? spare : null;
    }

    private void Adopt(uint ssrc, SrtpStreamState stream)
    {
        if (ReferenceEquals(stream, spare))
        {
            streams.Add(ssrc, stream);
            spare = new SrtpStreamState();
        }
    }
}
