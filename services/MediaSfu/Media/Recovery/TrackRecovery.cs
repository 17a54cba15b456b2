using System.Security.Cryptography;

namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// Loss recovery of one published video track: a <see cref="LossRecovery"/> per stream the publisher sends it on (one
/// for a plain track, one per simulcast layer once its SSRC is known), all counting into <see cref="Counters"/>, and the
/// one SSRC its subscribers receive our retransmissions on, whichever layer they come from.
/// </summary>
public sealed class TrackRecovery(
    IReadOnlyDictionary<byte, byte> rtxPayloadTypes, LossRecoverySettings settings, TimeProvider time, Action<uint, ReadOnlyMemory<ushort>> nackUpstream, Action<uint> keyframeUpstream)
{
    /// <summary>The SSRC our retransmissions of this track reach subscribers on (announced in their answers).</summary>
    public uint RepairSsrc { get; } = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));

    public TrackRecoveryCounters Counters { get; } = new();

    /// <summary>Video is kept for retransmission; audio is not (Opus conceals loss, and browsers do not NACK it).</summary>
    public static TrackRecovery? For(MediaPeer publisher, OfferedSection section, LossRecoverySettings settings, TimeProvider time) =>
        section.Kind == MediaKind.Video
            ? new TrackRecovery(section.RtxPayloadTypes ?? new Dictionary<byte, byte>(), settings, time, LossRecovery.NackTo(publisher), publisher.RequestKeyframe)
            : null;

    /// <summary>Recovery of the stream the publisher sends on <paramref name="ssrc"/>.</summary>
    public LossRecovery Stream(uint ssrc) => new(ssrc, rtxPayloadTypes, settings, time, nackUpstream, keyframeUpstream, Counters);
}
