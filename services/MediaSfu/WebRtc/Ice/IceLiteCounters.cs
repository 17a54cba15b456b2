namespace WebRtcChat.WebRtc.Ice;

/// <summary>What the ICE-lite server dropped or refused, and why; safe to read from any thread.</summary>
public sealed class IceLiteCounters
{
    private long strangerDatagrams;
    private long malformedStun;
    private long rejectedBindingRequests;
    private long unclassifiedDatagrams;

    /// <summary>Non-STUN datagrams from an address no session has validated.</summary>
    public long StrangerDatagrams => Interlocked.Read(ref strangerDatagrams);

    /// <summary>STUN datagrams that did not parse (bad length, attributes or FINGERPRINT) or were not binding requests.</summary>
    public long MalformedStun => Interlocked.Read(ref malformedStun);

    /// <summary>Binding requests answered with an error (400, 401, 487): missing or wrong credentials, role conflict.</summary>
    public long RejectedBindingRequests => Interlocked.Read(ref rejectedBindingRequests);

    /// <summary>Datagrams whose first byte is neither STUN, DTLS nor RTP/RTCP.</summary>
    public long UnclassifiedDatagrams => Interlocked.Read(ref unclassifiedDatagrams);

    internal void CountStranger() => Interlocked.Increment(ref strangerDatagrams);

    internal void CountMalformedStun() => Interlocked.Increment(ref malformedStun);

    internal void CountRejected() => Interlocked.Increment(ref rejectedBindingRequests);

    internal void CountUnclassified() => Interlocked.Increment(ref unclassifiedDatagrams);
}
