using WebRtcChat.WebRtc.Rtcp;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// When each packet a publisher sent with a transport-wide sequence number arrived, until it is reported in transport-cc
/// feedback: the publisher's browser then runs its own congestion control (GCC) on our feedback, with our REMB as a cap.
/// Each feedback covers the numbers from the last one reported up to the highest arrived (those not arrived reported
/// lost); a number far behind the highest is no longer reported. Arrivals are the kernel's receive times where it gives
/// them: stamped when our thread got to the packet, a busy machine's scheduling delay would read as a growing queue, and
/// the browser would lower its send rate for it.
/// </summary>
public sealed class ReceivedPackets(TimeProvider time)
{
    private const int Capacity = 8192;

    private readonly Lock gate = new();
    private readonly long[] arrivals = new long[Capacity];
    private readonly DateTime start = time.GetUtcNow().UtcDateTime;
    private long highest = -1;
    private long nextToReport = -1;
    private byte feedbackCount;

    /// <summary>The publisher's transport-wide sequence number extension id (0: it sends none).</summary>
    public int ExtensionId { get; set; }

    /// <summary>The transport-wide sequence number <paramref name="packet"/> carries, if the publisher numbers its packets.</summary>
    public bool TryReadSequence(ReadOnlySpan<byte> packet, in RtpHeader header, out ushort sequence)
    {
        sequence = 0;
        var id = ExtensionId;
        if (id == 0 || !header.HasExtension || !RtpExtensionReader.TryFind(packet, header, id, out var element) || element.Length != RtpExtensionValues.TransportSequenceLength)
        {
            return false;
        }

        sequence = RtpExtensionValues.ReadTransportSequence(element.ValueIn(packet));
        return true;
    }

    /// <summary>Records that the packet numbered <paramref name="sequence"/> reached us at <paramref name="arrivedUtc"/>.</summary>
    public void Arrived(ushort sequence, DateTime arrivedUtc)
    {
        // In µs since this peer began, and never 0 (0 marks a slot with no arrival).
        var arrival = Math.Max(1, (arrivedUtc - start).Ticks / TimeSpan.TicksPerMicrosecond);
        lock (gate)
        {
            var extended = Extend(sequence);
            if (extended < nextToReport || extended <= highest - Capacity)
            {
                return;
            }

            arrivals[extended % Capacity] = arrival;
            highest = Math.Max(highest, extended);
            nextToReport = nextToReport < 0 ? extended : Math.Max(nextToReport, highest - Capacity + 1);
        }
    }

    /// <summary>Writes the feedback on what arrived since the last (its length), or 0 when nothing did.</summary>
    public int WriteFeedback(Span<byte> destination, uint senderSsrc, uint mediaSsrc)
    {
        lock (gate)
        {
            if (nextToReport < 0 || highest < nextToReport)
            {
                return 0;
            }

            var count = (int)Math.Min(highest - nextToReport + 1, TransportCcFeedbackWriter.MaxPackets);
            Span<long> reported = count <= 1024 ? stackalloc long[count] : new long[count];
            for (var i = 0; i < count; i++)
            {
                ref var slot = ref arrivals[(nextToReport + i) % Capacity];
                reported[i] = slot == 0 ? TransportCcFeedbackWriter.Lost : slot;
                slot = 0;
            }

            var length = TransportCcFeedbackWriter.Write(destination, senderSsrc, mediaSsrc, feedbackCount++, (ushort)nextToReport, reported);
            nextToReport += count;
            return Math.Max(0, length);
        }
    }

    /// <summary>The 16-bit number as a count that keeps growing across wraps, taken nearest the highest so far.</summary>
    private long Extend(ushort sequence)
    {
        if (highest < 0)
        {
            return sequence;
        }

        var delta = (short)(ushort)(sequence - (ushort)highest);
        return highest + delta;
    }
}
