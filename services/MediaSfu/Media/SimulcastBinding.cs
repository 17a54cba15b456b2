using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Simulcast offers name layers by rid, not SSRC (RFC 8853 §5.2): the first packets of each layer carry the mid and
/// rid header extensions (its retransmissions the repaired-rid), which bind the packet's SSRC to the layer.
/// </summary>
public static class SimulcastBinding
{
    /// <summary>The simulcast track a packet of an unknown SSRC belongs to, with its SSRC now bound to the layer; null when it names none.</summary>
    public static ForwardedTrack? TryBind(IEnumerable<ForwardedTrack> tracks, ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        if (!header.HasExtension)
        {
            return null;
        }

        foreach (var track in tracks)
        {
            if (track.Simulcast is not { } simulcast || !SameMid(track, simulcast, packet, header))
            {
                continue;
            }

            if (FindLayer(track, simulcast.RidExtension, packet, header) is { } layer)
            {
                layer.Bind(header.Ssrc);
                return track;
            }

            if (FindLayer(track, simulcast.RepairedRidExtension, packet, header) is { } repaired)
            {
                repaired.BindRepair(header.Ssrc);
                return track;
            }
        }

        return null;
    }

    /// <summary>A packet without the mid extension may still belong to the track; one with it must name the track's section.</summary>
    private static bool SameMid(ForwardedTrack track, SimulcastOffer simulcast, ReadOnlySpan<byte> packet, in RtpHeader header) =>
        simulcast.MidExtension == 0
        || !RtpExtensionReader.TryFind(packet, header, simulcast.MidExtension, out var mid)
        || RtpExtensionValues.IdentifierEquals(mid.ValueIn(packet), track.Mid!);

    private static SimulcastLayer? FindLayer(ForwardedTrack track, int extensionId, ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        if (extensionId == 0 || !RtpExtensionReader.TryFind(packet, header, extensionId, out var rid))
        {
            return null;
        }

        var value = rid.ValueIn(packet);
        foreach (var layer in track.Layers)
        {
            if (RtpExtensionValues.IdentifierEquals(value, layer.Rid!))
            {
                return layer;
            }
        }

        return null;
    }
}
