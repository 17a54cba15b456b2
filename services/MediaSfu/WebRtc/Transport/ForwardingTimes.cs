namespace WebRtcChat.WebRtc.Transport;

/// <summary>
/// How long the packets a server forwarded took in it: <see cref="Latency"/> from the packet's arrival at the socket to
/// its last copy handed to the kernel (waiting for the thread included), and of that, <see cref="Handling"/> from being
/// read to the last copy handed over.
/// </summary>
public sealed class ForwardingTimes
{
    public LatencyHistogram Latency { get; } = new();

    public LatencyHistogram Handling { get; } = new();
}
