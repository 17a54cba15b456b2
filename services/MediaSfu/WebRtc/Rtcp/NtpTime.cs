namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>NTP timestamps as RTCP carries them (RFC 3550 §4): 32.32 fixed-point seconds since 1900, and the middle 32 bits.</summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ulong FromDateTime(DateTimeOffset time)
    {
        var ticks = (time - Epoch).Ticks;
        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    public static DateTimeOffset ToDateTime(ulong ntp)
    {
        var seconds = (long)(ntp >> 32);
        var fractionTicks = (long)((ntp & 0xFFFF_FFFF) * TimeSpan.TicksPerSecond >> 32);
        return Epoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + fractionTicks);
    }

    /// <summary>The compact form used for LSR and in RTT arithmetic: 16.16 fixed-point seconds.</summary>
    public static uint Middle32(ulong ntp) => (uint)(ntp >> 16);

    /// <summary>A duration in the 1/65536 s units of DLSR.</summary>
    public static uint ToCompact(TimeSpan duration) => (uint)(duration.Ticks * 65536 / TimeSpan.TicksPerSecond);

    public static TimeSpan FromCompact(uint compact) => TimeSpan.FromTicks((long)compact * TimeSpan.TicksPerSecond / 65536);

    /// <summary>
    /// Round-trip time from a report block about our SR (RFC 3550 §6.4.1): arrival (middle 32 bits of now) minus LSR
    /// minus DLSR; null if the block reports no SR or the result is negative (clock trouble).
    /// </summary>
    public static TimeSpan? RoundTripTime(uint arrivalMiddle32, in ReportBlock block)
    {
        if (block.LastSenderReport == 0)
        {
            return null;
        }

        var rtt = (int)(arrivalMiddle32 - block.LastSenderReport - block.DelaySinceLastSenderReport);
        return rtt < 0 ? null : FromCompact((uint)rtt);
    }
}
