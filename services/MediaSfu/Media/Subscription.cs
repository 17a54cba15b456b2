using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// <see cref="Subscriber"/> receives <see cref="Track"/> on its m-section <see cref="Mid"/>, with payload types mapped;
/// which of the track's layers it gets (<see cref="Layers"/>); what it reports back about that stream (loss, jitter, and
/// the RTT our sender reports let us measure).
/// </summary>
public sealed class Subscription(MediaPeer subscriber, ForwardedTrack track, string mid, PayloadMap payloadTypes)
{
    private readonly Lock gate = new();
    private long packets;
    private long bytes;
    private uint lastSenderReport;
    private long lastSenderReportAt;
    private ReportBlock? lastReport;
    private double? roundTripMs;

    public MediaPeer Subscriber { get; } = subscriber;

    public ForwardedTrack Track { get; } = track;

    public string Mid { get; } = mid;

    public PayloadMap PayloadTypes { get; } = payloadTypes;

    /// <summary>The subscriber's abs-send-time extension id on its section (0: none): its copies carry our send time.</summary>
    public int SendTimeExtensionId { get; init; }

    /// <summary>The subscriber's transport-wide sequence number extension id on its section (0: none): its copies are numbered for transport-cc feedback.</summary>
    public int TransportSequenceExtensionId { get; init; }

    public LayerSwitcher Layers { get; } = new(track);

    public RateMeter Rate { get; } = new();

    /// <summary>The loss it reports on this stream, over enough packets to act on.</summary>
    public ReceiverLoss Loss { get; } = new();

    /// <summary>Its NACKs and our retransmissions.</summary>
    public SubscriptionRecovery Recovery { get; } = new();

    /// <summary>The SSRC this subscriber receives the track on (its answer's a=ssrc): the publisher's for a plain track, ours for a simulcast one.</summary>
    public uint ForwardedSsrc => Layers.Outgoing.Ssrc;

    /// <summary>
    /// Which publisher packet a sequence number the subscriber NACKs stands for: the layer it came from, its sequence
    /// number there, and what was added to its timestamp when it was forwarded (see <see cref="OutgoingStream"/>).
    /// </summary>
    public bool TryMapNacked(ushort forwardedSequence, out SimulcastLayer layer, out ushort publisherSequence, out uint timestampOffset)
    {
        if (Layers.Outgoing.TryMapBack(forwardedSequence, out var source, out publisherSequence, out timestampOffset) && Track.Layer(source) is { } found)
        {
            layer = found;
            return true;
        }

        layer = null!;
        return false;
    }

    /// <summary>Keeps the VP8 picture numbering of a simulcast video continuous in a forwarded copy of <paramref name="source"/>'s packet (see <see cref="Vp8Continuity"/>).</summary>
    internal void KeepPicturesContinuous(Span<byte> copy, in RtpHeader source, bool retransmission = false)
    {
        if (Track.Simulcast is not null && Track.IsVp8(source.PayloadType))
        {
            Layers.Pictures.Rewrite(copy[ForwardedPacket.PayloadOffset(source, Extensions())..], source.Ssrc, retransmission);
        }
    }

    /// <summary>
    /// Writes the subscriber's copy of a publisher packet (see <see cref="ForwardedPacket"/>), stamped with our send time
    /// when it negotiated one; <paramref name="transportSequenceOffset"/> is where its transport-wide sequence number goes
    /// when it is sent (-1: none).
    /// </summary>
    internal int WriteCopy(Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, ushort sequence, uint timestamp, TimeProvider clock, out int transportSequenceOffset)
    {
        // Any monotonic clock serves: a receiver uses only the differences between send times.
        var extensions = Extensions(SendTimeExtensionId == 0 ? 0 : RtpExtensionValues.ToAbsSendTime(clock.GetElapsedTime(0)));
        transportSequenceOffset = ForwardedPacket.TransportSequenceOffset(header, extensions);
        return ForwardedPacket.Write(destination, packet, header, payloadType, ForwardedSsrc, sequence, timestamp, extensions);
    }

    private CopyExtensions Extensions(uint absSendTime = 0) => new(SendTimeExtensionId, absSendTime, TransportSequenceExtensionId);

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    internal void Count(int length)
    {
        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, length);
    }

    /// <summary>We sent a sender report for this stream at <paramref name="ntpTimestamp"/>.</summary>
    internal void SenderReportSent(ulong ntpTimestamp, long at)
    {
        lock (gate)
        {
            lastSenderReport = NtpTime.Middle32(ntpTimestamp);
            lastSenderReportAt = at;
        }
    }

    /// <summary>The subscriber reported on this stream; RTT = now − our SR's send time − the delay it held it (RFC 3550 §6.4.1).</summary>
    internal void Reported(in ReportBlock block, TimeProvider time)
    {
        Loss.Report(block.ExtendedHighestSequence, block.CumulativeLost, time.GetTimestamp());
        lock (gate)
        {
            lastReport = block;
            if (block.LastSenderReport != 0 && block.LastSenderReport == lastSenderReport)
            {
                var rtt = time.GetElapsedTime(lastSenderReportAt).TotalMilliseconds - (block.DelaySinceLastSenderReport * 1000.0 / 65536);
                roundTripMs = Math.Max(0, rtt);
            }
        }
    }

    /// <summary>The packets of this stream the subscriber reported lost so far (its latest receiver report).</summary>
    public long PacketsLostReported
    {
        get
        {
            lock (gate)
            {
                return Math.Max(0, lastReport?.CumulativeLost ?? 0);
            }
        }
    }

    public (double FractionLost, double JitterMs, double? RoundTripMs) Feedback()
    {
        lock (gate)
        {
            return lastReport is { } report
                ? (report.FractionLost / 256.0, report.Jitter * 1000.0 / Track.ClockRate, roundTripMs)
                : (0, 0, roundTripMs);
        }
    }
}
