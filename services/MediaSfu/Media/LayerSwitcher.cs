using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Which of a track's layers one subscriber receives, and when that changes. A new target (from
/// <see cref="LayerSelection"/>) takes effect on the target layer's next key frame, which is requested from the
/// publisher; until it arrives the current layer keeps flowing. Pausing takes effect at once. Every forwarded packet
/// goes through <see cref="Outgoing"/>, so the subscriber sees one continuous stream. Packets arrive on their
/// publisher's receive thread (one per publisher); targets are set from elsewhere.
/// </summary>
public sealed class LayerSwitcher(ForwardedTrack track)
{
    /// <summary>No limit on the height: the subscriber gets the best layer its bandwidth carries.</summary>
    public const int Unlimited = int.MaxValue;

    // A plain track flows from its first packet, as it did before simulcast; a simulcast one waits for a chosen layer's key frame.
    private int target = track.Simulcast is null ? 0 : LayerSelection.Paused;
    private int current = track.Simulcast is null ? 0 : LayerSelection.Paused;

    public OutgoingStream Outgoing { get; } = new(track.Ssrc);

    /// <summary>The VP8 picture numbering the subscriber sees, continuous across switches.</summary>
    public Vp8Continuity Pictures { get; } = new();

    /// <summary>The layer forwarded now; null while paused (or before the first key frame).</summary>
    public SimulcastLayer? Current => Volatile.Read(ref current) is >= 0 and var index ? track.Layers[index] : null;

    /// <summary>The layer the subscriber should get; null when its video is paused.</summary>
    public SimulcastLayer? Target => Volatile.Read(ref target) is >= 0 and var index ? track.Layers[index] : null;

    /// <summary>Sets the layer to switch to (or <see cref="LayerSelection.Paused"/>); asks its publisher for a key frame while the switch is pending.</summary>
    public void Aim(int layerIndex)
    {
        if (track.Kind == MediaKind.Audio)
        {
            return;
        }

        Volatile.Write(ref target, layerIndex);
        if (layerIndex >= 0 && layerIndex != Volatile.Read(ref current) && track.Layers[layerIndex].Ssrc is not 0 and var ssrc)
        {
            track.Publisher.RequestKeyframe(ssrc);
        }
    }

    /// <summary>Asks the publisher for a key frame of what this subscriber gets (it lost its picture).</summary>
    public void RequestKeyframe()
    {
        if ((Current ?? Target) is { Ssrc: not 0 and var ssrc })
        {
            track.Publisher.RequestKeyframe(ssrc);
        }
    }

    /// <summary>
    /// Whether a packet of <paramref name="layer"/> goes to this subscriber, and with which sequence number and timestamp.
    /// Only the layer's newest packet (<paramref name="newest"/>) can switch to it: a late key frame packet (reordered, or
    /// repaired by the publisher's RTX) would start the new segment behind the layer's packets already here.
    /// </summary>
    public bool TryAdmit(SimulcastLayer layer, ReadOnlySpan<byte> packet, in RtpHeader header, long arrivalClock, bool newest, out ushort sequence, out uint timestamp)
    {
        var aim = Volatile.Read(ref target);
        var now = current;
        var switching = false;
        if (aim != now)
        {
            if (aim == LayerSelection.Paused)
            {
                Volatile.Write(ref current, now = LayerSelection.Paused);
            }
            else if (layer.Index == aim && newest && track.StartsKeyframe(packet, header))
            {
                Volatile.Write(ref current, now = aim);
                switching = true;
            }
        }

        if (layer.Index != now)
        {
            (sequence, timestamp) = (0, 0);
            return false;
        }

        return Outgoing.TryRewrite(layer.Ssrc, header.SequenceNumber, header.Timestamp, arrivalClock, switching, out sequence, out timestamp);
    }
}
