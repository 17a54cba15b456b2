using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>A publisher's two streams, Opus on section 0 and VP8 on section 1 of its offer.</summary>
public sealed record PublisherStreams(IReadOnlyList<TrackSender> Senders)
{
    public long PacketsInWindow => Senders.Sum(sender => sender.PacketsInWindow);

    /// <summary>Publisher <paramref name="index"/> of <paramref name="count"/> starts its clips that far into them, so no two send the same frame at once.</summary>
    public static PublisherStreams For(ClientPeer peer, LoadMedia media, SendLog log, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(media);
        var audioStart = media.Audio.Frames.Count * index / count;
        var videoStart = media.Video.Frames.Count * index / count;
        return new PublisherStreams(
        [
            new TrackSender(peer, peer.SsrcOf("0"), SdpOfferBuilder.OpusPayloadType, media.Audio, new OpusPacketizer(), audioStart, log),
            new TrackSender(peer, peer.SsrcOf("1"), SdpOfferBuilder.Vp8PayloadType, media.Video, new Vp8Packetizer(Random.Shared.Next()), videoStart, log),
        ]);
    }
}
