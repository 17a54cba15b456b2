namespace WebRtcChat.MediaSfu.Media;

/// <summary>What one participant's connection dropped and why (read by the stats endpoint and tests).</summary>
public sealed class PeerCounters
{
    private long srtpFailures;
    private long unknownSsrc;
    private long malformed;
    private long beforeKeys;

    /// <summary>Packets that failed SRTP/SRTCP authentication or replay checks.</summary>
    public long SrtpFailures => Interlocked.Read(ref srtpFailures);

    /// <summary>Authenticated RTP of a stream the participant's SDP did not announce (e.g. RTX padding).</summary>
    public long UnknownSsrc => Interlocked.Read(ref unknownSsrc);

    /// <summary>Decrypted packets whose RTP or RTCP structure is invalid.</summary>
    public long Malformed => Interlocked.Read(ref malformed);

    /// <summary>RTP or RTCP that arrived before the DTLS handshake gave keys.</summary>
    public long BeforeKeys => Interlocked.Read(ref beforeKeys);

    internal void SrtpFailed() => Interlocked.Increment(ref srtpFailures);

    internal void UnknownStream() => Interlocked.Increment(ref unknownSsrc);

    internal void MalformedPacket() => Interlocked.Increment(ref malformed);

    internal void ArrivedBeforeKeys() => Interlocked.Increment(ref beforeKeys);
}
