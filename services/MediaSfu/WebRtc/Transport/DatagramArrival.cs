using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Transport;

/// <summary>When a received datagram reached the machine, for timing that must not include waiting for a thread.</summary>
public static class DatagramArrival
{
    /// <summary>
    /// When the datagram being handled on the calling thread reached its socket, as the kernel stamped it (UTC), so a
    /// receive thread kept waiting by a busy machine does not read as a network queue; the time now where the kernel
    /// cannot say (not Linux, not handled on a receive thread).
    /// </summary>
    public static DateTime OfCurrent() => UdpReceiveLoop.CurrentArrival ?? DateTime.UtcNow;
}
