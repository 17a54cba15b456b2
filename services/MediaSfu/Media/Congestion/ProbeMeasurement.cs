namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// What one probe found: every packet sent to the subscriber while it ran (media and padding together) left at about
/// the probe's rate; the rate they arrived at is what the path carried. A path that carried less than
/// <see cref="SaturatedBelow"/> of what was sent is full, and its capacity is taken a little under what arrived (as
/// libwebrtc's probe estimator does), so the next packets do not queue at once.
/// </summary>
internal sealed class ProbeMeasurement(int id, double targetKbps)
{
    public const double SaturatedBelow = 0.9;
    public const double BelowCapacity = 0.95;
    private const int MinimumPackets = 5;

    private int sentPackets = -1;
    private int reported;
    private int received;
    private long firstSent = long.MaxValue, lastSent = long.MinValue, sentBytes, lastSentSize;
    private long firstArrival = long.MaxValue, lastArrival = long.MinValue, receivedBytes, firstArrivalSize;

    public int Id { get; } = id;

    public double TargetKbps { get; } = targetKbps;

    /// <summary>Whether every packet sent during the probe has been reported on.</summary>
    public bool IsComplete => sentPackets >= 0 && reported >= sentPackets;

    /// <summary>The probe's sending ended after <paramref name="packets"/> packets.</summary>
    public void Ended(int packets) => sentPackets = packets;

    public bool HasEnded => sentPackets >= 0;

    public void Reported(in SentPacket packet, long sentMicroseconds, long? arrivalMicroseconds)
    {
        reported++;
        sentBytes += packet.Size;
        firstSent = Math.Min(firstSent, sentMicroseconds);
        if (sentMicroseconds >= lastSent)
        {
            (lastSent, lastSentSize) = (sentMicroseconds, packet.Size);
        }

        if (arrivalMicroseconds is not { } arrival)
        {
            return;
        }

        received++;
        receivedBytes += packet.Size;
        lastArrival = Math.Max(lastArrival, arrival);
        if (arrival <= firstArrival)
        {
            (firstArrival, firstArrivalSize) = (arrival, packet.Size);
        }
    }

    /// <summary>The capacity the probe showed in kbit/s; null when too little of it arrived to tell.</summary>
    public double? ResultKbps()
    {
        var sendSpan = lastSent - firstSent;
        var receiveSpan = lastArrival - firstArrival;
        if (received < MinimumPackets || sendSpan <= 0 || receiveSpan <= 0)
        {
            return null;
        }

        // The last packet sent closes the sending span, the first to arrive opens the arriving one.
        var sendKbps = (sentBytes - lastSentSize) * 8.0 * 1000 / sendSpan;
        var receiveKbps = (receivedBytes - firstArrivalSize) * 8.0 * 1000 / receiveSpan;
        return receiveKbps < SaturatedBelow * sendKbps ? BelowCapacity * receiveKbps : Math.Min(sendKbps, receiveKbps);
    }
}
