using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>One packet's entry in transport-wide CC feedback: its transport sequence number and arrival time.</summary>
/// <param name="ArrivalMicroseconds">Arrival on the feedback sender's clock (reference time plus deltas), in µs; 0 if lost.</param>
public readonly record struct TransportCcPacketStatus(ushort Sequence, bool Received, long ArrivalMicroseconds);

/// <summary>
/// Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): base
/// sequence number, status count, 24-bit reference time in 64 ms, feedback count, status chunks, then receive deltas
/// in 250 µs (one byte unsigned, or two bytes signed). Parsing validates that every delta is present.
/// </summary>
public readonly ref struct TransportCcFeedback
{
    public const int DeltaMicroseconds = 250;
    public const int ReferenceMicroseconds = 64_000;
    private const int FixedFciLength = 8;

    private readonly ReadOnlySpan<byte> chunks;
    private readonly ReadOnlySpan<byte> deltas;

    private TransportCcFeedback(ushort baseSequence, int statusCount, int referenceTime, byte feedbackCount, ReadOnlySpan<byte> chunks, ReadOnlySpan<byte> deltas)
    {
        BaseSequence = baseSequence;
        StatusCount = statusCount;
        ReferenceTime = referenceTime;
        FeedbackCount = feedbackCount;
        this.chunks = chunks;
        this.deltas = deltas;
    }

    public ushort BaseSequence { get; }

    public int StatusCount { get; }

    /// <summary>Signed, in multiples of 64 ms.</summary>
    public int ReferenceTime { get; }

    public byte FeedbackCount { get; }

    public static bool TryParse(RtcpFeedback feedback, out TransportCcFeedback result)
    {
        result = default;
        var fci = feedback.Fci;
        if (!feedback.Is(RtcpPacketType.TransportFeedback, RtcpPacketType.TransportCcFormat) || fci.Length < FixedFciLength)
        {
            return false;
        }

        var statusCount = BinaryPrimitives.ReadUInt16BigEndian(fci[2..]);
        var referenceTime = (int)(BinaryPrimitives.ReadUInt32BigEndian(fci[4..]) & 0xFFFF_FF00) >> 8;
        var offset = FixedFciLength;
        int statuses = 0, deltaBytes = 0;
        while (statuses < statusCount)
        {
            if (offset + 2 > fci.Length)
            {
                return false;
            }

            var chunk = BinaryPrimitives.ReadUInt16BigEndian(fci[offset..]);
            offset += 2;
            var symbols = Math.Min(TransportCcChunk.SymbolCount(chunk), statusCount - statuses);
            for (var k = 0; k < symbols; k++)
            {
                var status = TransportCcChunk.Symbol(chunk, k);
                if (status > TransportCcChunk.LargeDelta)
                {
                    return false;
                }

                deltaBytes += status;
            }

            statuses += symbols;
        }

        if (offset + deltaBytes > fci.Length)
        {
            return false;
        }

        result = new TransportCcFeedback(
            BinaryPrimitives.ReadUInt16BigEndian(fci), statusCount, referenceTime, fci[7], fci[FixedFciLength..offset], fci.Slice(offset, deltaBytes));
        return true;
    }

    public Reader GetReader() => new(this);

    /// <summary>Yields each packet's status in sequence order.</summary>
    public ref struct Reader
    {
        private readonly TransportCcFeedback feedback;
        private int index;
        private int chunkOffset;
        private int symbolInChunk;
        private int deltaOffset;
        private long arrival;

        public Reader(TransportCcFeedback feedback)
        {
            this.feedback = feedback;
            arrival = (long)feedback.ReferenceTime * ReferenceMicroseconds;
        }

        public bool TryRead(out TransportCcPacketStatus status)
        {
            status = default;
            if (index >= feedback.StatusCount)
            {
                return false;
            }

            var chunk = BinaryPrimitives.ReadUInt16BigEndian(feedback.chunks[chunkOffset..]);
            var symbol = TransportCcChunk.Symbol(chunk, symbolInChunk);
            if (++symbolInChunk == TransportCcChunk.SymbolCount(chunk))
            {
                chunkOffset += 2;
                symbolInChunk = 0;
            }

            var sequence = (ushort)(feedback.BaseSequence + index++);
            if (symbol == TransportCcChunk.NotReceived)
            {
                status = new TransportCcPacketStatus(sequence, false, 0);
                return true;
            }

            var delta = symbol == TransportCcChunk.SmallDelta
                ? feedback.deltas[deltaOffset]
                : BinaryPrimitives.ReadInt16BigEndian(feedback.deltas[deltaOffset..]);
            deltaOffset += symbol;
            arrival += delta * DeltaMicroseconds;
            status = new TransportCcPacketStatus(sequence, true, arrival);
            return true;
        }
    }
}
