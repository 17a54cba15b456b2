using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// Loss recovery for one published video stream (a plain track, or one simulcast layer): every packet is kept once in
/// the retransmission buffer as it arrives (a packet already there is a duplicate and is not forwarded again), gaps in
/// its sequence numbers are NACKed to the publisher, and the publisher's RTX (RFC 4588) is unwrapped back into the
/// stream. Subscribers' NACKs are answered from the buffer by <see cref="NackResponder"/>. A hole a subscriber asked for
/// that the publisher never fills stalls its decoder until a key frame (a browser asks for one only after seconds
/// without a decodable frame), so giving up on one asks the publisher for a key frame at once.
/// </summary>
public sealed class LossRecovery
{
    /// <summary>The most sequence numbers one upstream NACK carries.</summary>
    public const int MaxNacked = 64;

    private readonly Action<uint, ReadOnlyMemory<ushort>> nackUpstream;
    private readonly Action<uint> keyframeUpstream;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Lock sending = new();
    private readonly ExtendedSequence sequences = new();
    private readonly RetransmissionBuffer buffer;
    private readonly UpstreamNackGenerator upstream;
    private readonly ushort[] nacked = new ushort[MaxNacked];
    private readonly byte[] mediaTypeOfRtx = new byte[128];

    /// <param name="rtxPayloadTypes">For each media payload type, the RTX payload type the publisher retransmits it with (apt).</param>
    /// <param name="nackUpstream">Sends a NACK for the stream's lost sequence numbers to its publisher (see <see cref="NackTo"/>).</param>
    /// <param name="keyframeUpstream">Asks the stream's publisher for a key frame of it.</param>
    /// <param name="counters">Where it counts (shared by the layers of one track); its own when null.</param>
    public LossRecovery(
        uint ssrc, IReadOnlyDictionary<byte, byte> rtxPayloadTypes, LossRecoverySettings settings, TimeProvider time,
        Action<uint, ReadOnlyMemory<ushort>> nackUpstream, Action<uint> keyframeUpstream, TrackRecoveryCounters? counters = null)
    {
        this.nackUpstream = nackUpstream;
        this.keyframeUpstream = keyframeUpstream;
        this.time = time;
        Ssrc = ssrc;
        Counters = counters ?? new TrackRecoveryCounters();
        foreach (var (media, repair) in rtxPayloadTypes)
        {
            mediaTypeOfRtx[repair & 0x7F] = media;
        }

        buffer = new RetransmissionBuffer(settings.BufferPackets, settings.BufferAge, time);
        upstream = new UpstreamNackGenerator(settings, time.TimestampFrequency);
    }

    /// <summary>The media SSRC the publisher sends (a plain track's, or one simulcast layer's).</summary>
    public uint Ssrc { get; }

    public TrackRecoveryCounters Counters { get; }

    /// <summary>
    /// Takes a packet of the stream as it arrived (decrypted; RTX already unwrapped): keeps it, NACKs any gap before it,
    /// and says whether to forward it (false for one forwarded already or too old to tell).
    /// </summary>
    public bool Accept(ReadOnlySpan<byte> packet, ushort sequence)
    {
        Span<ushort> due = stackalloc ushort[MaxNacked];
        int dueCount;
        long unrepaired;
        lock (gate)
        {
            var extended = sequences.Extend(sequence);
            var outcome = buffer.Store(packet, extended);
            if (outcome != StoreOutcome.Stored)
            {
                Counters.Discard();
                return false;
            }

            var now = time.GetTimestamp();
            if (upstream.Received(extended, now))
            {
                Counters.Repair();
            }

            var lostBefore = upstream.LostForSubscribers;
            dueCount = upstream.TakeDue(now, due);
            unrepaired = upstream.LostForSubscribers - lostBefore;
        }

        if (dueCount > 0)
        {
            NackUpstream(due[..dueCount]);
        }

        if (unrepaired > 0)
        {
            Counters.NotRepaired(unrepaired);
            keyframeUpstream(Ssrc);
        }

        return true;
    }

    /// <summary>Copies the kept packet with this (publisher's) sequence number; its length and extended number, or 0 when not kept.</summary>
    public int CopyTo(ushort sequence, Span<byte> destination, out long extended)
    {
        lock (gate)
        {
            extended = sequences.Nearest(sequence);
            return buffer.CopyTo(extended, destination);
        }
    }

    /// <summary>A subscriber NACKed a packet we do not hold: ask the publisher for it with the stream's next packet (see <see cref="UpstreamNackGenerator.Request"/>).</summary>
    public void Missed(ushort sequence)
    {
        Counters.Missed();
        lock (gate)
        {
            var extended = sequences.Nearest(sequence);
            if (!buffer.Holds(extended))
            {
                upstream.Request(extended, time.GetTimestamp());
            }
        }
    }

    /// <summary>
    /// Turns the publisher's RTX packet back into the original, in place (OSN as sequence number, media SSRC and payload
    /// type); false for padding-only probes and payload types the offer did not pair.
    /// </summary>
    public bool TryUnwrap(Span<byte> packet, in RtpHeader rtx, out int length)
    {
        var mediaType = mediaTypeOfRtx[rtx.PayloadType];
        length = mediaType == 0 ? -1 : RtxPacket.Unwrap(packet, rtx, Ssrc, mediaType);
        return length > 0;
    }

    /// <summary>Packets missing upstream that are followed now (for tests and diagnostics).</summary>
    public int MissingUpstream
    {
        get
        {
            lock (gate)
            {
                return upstream.MissingCount;
            }
        }
    }

    private void NackUpstream(ReadOnlySpan<ushort> lost)
    {
        lock (sending)
        {
            lost.CopyTo(nacked);
            nackUpstream(Ssrc, nacked.AsMemory(0, lost.Length));
        }

        Counters.NackedUpstream(lost.Length);
    }

    /// <summary>The upstream NACK sender for streams <paramref name="publisher"/> publishes: a generic NACK from our SSRC on its leg.</summary>
    public static Action<uint, ReadOnlyMemory<ushort>> NackTo(MediaPeer publisher) =>
        (ssrc, lost) => publisher.SendRtcp(
            static (destination, state) => GenericNack.Write(destination, state.LocalSsrc, state.ssrc, state.lost.Span),
            (publisher.LocalSsrc, ssrc, lost));
}
