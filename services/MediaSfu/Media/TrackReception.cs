using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// How a published stream arrives (RFC 3550 reception statistics for our receiver reports), the publisher's latest
/// sender report (for LSR/DLSR, so the publisher can measure its RTT to us), and the latest RTP time, from which our
/// sender reports to subscribers extrapolate. Updated on the receive loop, read by the reporter: one small lock.
/// </summary>
public sealed class TrackReception(uint ssrc, int clockRate, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly RtpReceiveStatistics statistics = new(ssrc);
    private uint lastSenderReport;
    private long lastSenderReportAt;
    private uint lastRtpTimestamp;
    private long lastRtpAt;

    public int ClockRate { get; } = clockRate;

    public void Received(ushort sequence, uint rtpTimestamp)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            statistics.Update(sequence, rtpTimestamp, (long)(now * (double)ClockRate / time.TimestampFrequency));
            lastRtpTimestamp = rtpTimestamp;
            lastRtpAt = now;
        }
    }

    public void SenderReported(ulong ntpTimestamp)
    {
        lock (gate)
        {
            lastSenderReport = NtpTime.Middle32(ntpTimestamp);
            lastSenderReportAt = time.GetTimestamp();
        }
    }

    /// <summary>The block of our receiver report to the publisher about this stream, or null before its first packet.</summary>
    public ReportBlock? ReportBlock()
    {
        lock (gate)
        {
            if (statistics.PacketsReceived == 0)
            {
                return null;
            }

            var delay = lastSenderReportAt == 0 ? 0u : (uint)(time.GetElapsedTime(lastSenderReportAt).TotalSeconds * 65536);
            return statistics.CreateReportBlock(lastSenderReport, delay);
        }
    }

    /// <summary>The stream's RTP time now, extrapolated from the latest packet; null before the first.</summary>
    public uint? RtpTimeNow()
    {
        lock (gate)
        {
            return lastRtpAt == 0 ? null : unchecked(lastRtpTimestamp + (uint)(time.GetElapsedTime(lastRtpAt).TotalSeconds * ClockRate));
        }
    }

    public (long Packets, long Lost, double JitterMs) Snapshot()
    {
        lock (gate)
        {
            return (statistics.PacketsReceived, Math.Max(0, statistics.CumulativeLost), statistics.Jitter * 1000.0 / ClockRate);
        }
    }
}
