namespace WebRtcChat.MediaSfu.Media;

/// <summary>Wall-clock time in a stream's RTP clock units (90 kHz video, 48 kHz Opus), for continuing timestamps across a switch.</summary>
public static class RtpClock
{
    public static long At(long timestamp, TimeProvider time, int clockRate) => (long)(timestamp * (double)clockRate / time.TimestampFrequency);

    public static long Now(TimeProvider time, int clockRate) => At(time.GetTimestamp(), time, clockRate);
}
