namespace WebRtcChat.WebRtc.Transport;

/// <summary>Receives one datagram; the span is only valid during the call (the buffer is reused).</summary>
public delegate void DatagramHandler(ReadOnlySpan<byte> datagram);

/// <summary>
/// A datagram path to one remote peer: an ICE-selected candidate pair, or a plain UDP socket pair. DTLS, SRTP and RTCP
/// run on top of it; STUN never reaches <see cref="Received"/> (ICE consumes it).
/// </summary>
public interface IDatagramChannel
{
    /// <summary>Sends one datagram to the peer; a failed send is a lost packet, never an exception.</summary>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>Every non-STUN datagram from the peer, in arrival order, on the channel's receive loop.</summary>
    event DatagramHandler? Received;

    /// <summary>The path is gone (closed locally, or the peer's consent expired).</summary>
    event Action? Closed;
}
