using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>A publisher's two streams, Opus on section 0 and VP8 on section 1 of its offer; the video paced at <c>pacing</c> times its bitrate when that is above 0 (audio is not paced, as browsers send it).</summary>
public sealed record PublisherStreams(IReadOnlyList<TrackSender> Senders)
{
    public long PacketsInWindow => Senders.Sum(sender => sender.PacketsInWindow);

    /// <summary>
    /// Publisher <paramref name="index"/> of <paramref name="count"/> starts its clips that far into them, so no two send
    /// the same frame at once, and its capture clock that far into one video frame interval, so their frames are due at
    /// different moments as independent cameras' are (in step, every frame of every publisher would reach the server
    /// in one burst).
    /// </summary>
    public static PublisherStreams For(ClientPeer peer, LoadMedia media, SendLog log, int index, int count, double pacing = 0)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(media);
        var audioStart = media.Audio.Frames.Count * index / count;
        var videoStart = media.Video.Frames.Count * index / count;
        var phase = TimeSpan.FromSeconds(media.Video.Seconds / media.Video.Frames.Count * index / count);
        return new PublisherStreams(
        [
            new TrackSender(peer, peer.SsrcOf("0"), SdpOfferBuilder.OpusPayloadType, media.Audio, new OpusPacketizer(), audioStart, phase, log),
            new TrackSender(peer, peer.SsrcOf("1"), SdpOfferBuilder.Vp8PayloadType, media.Video, new Vp8Packetizer(Random.Shared.Next()), videoStart, phase, log, pacing > 0 ? new Pacer(pacing * media.Video.BitsPerSecond / 8) : null),
        ]);
    }
}
