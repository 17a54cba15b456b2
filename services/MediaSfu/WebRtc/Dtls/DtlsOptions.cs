using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>How DTLS-SRTP handshakes run; the defaults suit browsers.</summary>
public sealed record DtlsOptions
{
    /// <summary>A handshake that has not completed by then fails and frees its thread.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The SRTP profiles we offer (client) or accept (server), most preferred first.</summary>
    public IReadOnlyList<SrtpProfile> SrtpProfiles { get; init; } = [SrtpProfile.AeadAes128Gcm, SrtpProfile.Aes128CmHmacSha1_80];

    /// <summary>DTLS datagrams waiting for the handshake or session to read them; more are dropped and counted.</summary>
    public int ReceiveQueueCapacity { get; init; } = 64;

    /// <summary>The largest datagram we send; handshake messages are fragmented to fit (path MTU minus IP/UDP).</summary>
    public int MaxDatagramSize { get; init; } = 1200;

    /// <summary>Handshakes in flight at once (each holds a thread); more wait for a slot within their timeout.</summary>
    public int MaxConcurrentHandshakes { get; init; } = 256;

    /// <summary>Stack reserved for each handshake thread; BouncyCastle's handshake needs far less than the default.</summary>
    public int HandshakeThreadStackSize { get; init; } = 256 * 1024;

    public static DtlsOptions Default { get; } = new();

    /// <summary>Throws for settings no handshake could run with, naming the setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero, nameof(HandshakeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveQueueCapacity, 1, nameof(ReceiveQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDatagramSize, 256, nameof(MaxDatagramSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentHandshakes, 1, nameof(MaxConcurrentHandshakes));
        ArgumentOutOfRangeException.ThrowIfLessThan(HandshakeThreadStackSize, 128 * 1024, nameof(HandshakeThreadStackSize));
        if (SrtpProfiles.Count == 0 || SrtpProfiles.Any(profile => !Enum.IsDefined(profile)))
        {
            throw new ArgumentException("Name at least one SRTP profile, and only defined ones.", nameof(SrtpProfiles));
        }
    }
}
