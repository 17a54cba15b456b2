using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>Builds transport-wide CC feedback from the arrival times of a range of transport sequence numbers.</summary>
public static class TransportCcFeedbackWriter
{
    public const long Lost = -1;
    public const int MaxPackets = TransportCcChunk.MaxRunLength;

    private const int FixedFciLength = 8;
    private const int TicksPerReference = TransportCcFeedback.ReferenceMicroseconds / TransportCcFeedback.DeltaMicroseconds;

    /// <summary>
    /// Writes feedback for packets <paramref name="baseSequence"/> onward whose arrival times (µs on our clock, ≥ 0)
    /// are <paramref name="arrivalMicroseconds"/>, <see cref="Lost"/> for those that did not arrive. Returns the
    /// packet's length, or -1 if no packet arrived, a gap between arrivals exceeds what two-byte deltas hold
    /// (±8.19 s; split the feedback), or the destination is too small.
    /// </summary>
    public static int Write(
        Span<byte> destination, uint senderSsrc, uint mediaSsrc, byte feedbackCount, ushort baseSequence, ReadOnlySpan<long> arrivalMicroseconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arrivalMicroseconds.Length, MaxPackets);
        var firstArrival = FirstArrival(arrivalMicroseconds);
        if (firstArrival < 0)
        {
            return -1;
        }

        Span<byte> statuses = stackalloc byte[arrivalMicroseconds.Length];
        Span<short> deltas = stackalloc short[arrivalMicroseconds.Length];
        var referenceTime = firstArrival / TransportCcFeedback.ReferenceMicroseconds;
        var previousTicks = referenceTime * TicksPerReference;
        var deltaBytes = 0;
        for (var i = 0; i < arrivalMicroseconds.Length; i++)
        {
            if (arrivalMicroseconds[i] == Lost)
            {
                statuses[i] = TransportCcChunk.NotReceived;
                continue;
            }

            var ticks = arrivalMicroseconds[i] / TransportCcFeedback.DeltaMicroseconds;
            var delta = ticks - previousTicks;
            if (delta is < short.MinValue or > short.MaxValue)
            {
                return -1;
            }

            previousTicks = ticks;
            deltas[i] = (short)delta;
            statuses[i] = delta is >= 0 and <= byte.MaxValue ? (byte)TransportCcChunk.SmallDelta : (byte)TransportCcChunk.LargeDelta;
            deltaBytes += statuses[i];
        }

        var fciStart = RtcpPacket.HeaderLength + RtcpFeedback.FixedLength;
        var offset = fciStart + FixedFciLength;
        for (var i = 0; i < statuses.Length;)
        {
            if (offset + 2 > destination.Length)
            {
                return -1;
            }

            var (chunk, covered) = TransportCcChunk.Encode(statuses[i..]);
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], chunk);
            offset += 2;
            i += covered;
        }

        var unpadded = offset + deltaBytes;
        var length = (unpadded + 3) & ~3;
        if (length > destination.Length)
        {
            return -1;
        }

        for (var i = 0; i < statuses.Length; i++)
        {
            if (statuses[i] == TransportCcChunk.SmallDelta)
            {
                destination[offset++] = (byte)deltas[i];
            }
            else if (statuses[i] == TransportCcChunk.LargeDelta)
            {
                BinaryPrimitives.WriteInt16BigEndian(destination[offset..], deltas[i]);
                offset += 2;
            }
        }

        RtcpFeedback.WriteHeader(
            destination, RtcpPacketType.TransportFeedback, RtcpPacketType.TransportCcFormat, senderSsrc, mediaSsrc, length - fciStart);
        if (length > unpadded)
        {
            // Padded as libwebrtc does: the P bit, zeros, and the padding length in the last byte.
            destination[unpadded..length].Clear();
            destination[length - 1] = (byte)(length - unpadded);
            destination[0] |= 0x20;
        }

        var fci = destination[fciStart..];
        BinaryPrimitives.WriteUInt16BigEndian(fci, baseSequence);
        BinaryPrimitives.WriteUInt16BigEndian(fci[2..], (ushort)arrivalMicroseconds.Length);
        BinaryPrimitives.WriteUInt32BigEndian(fci[4..], ((uint)referenceTime << 8) | feedbackCount);
        return length;
    }

    private static long FirstArrival(ReadOnlySpan<long> arrivalMicroseconds)
    {
        foreach (var arrival in arrivalMicroseconds)
        {
            if (arrival != Lost)
            {
                return arrival;
            }
        }

        return -1;
    }
}
