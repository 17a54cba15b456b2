using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// A publisher's streams: Opus on section 0 and VP8 on section 1 of its offer (one layer, or each simulcast layer on its
/// own SSRC); video paced at <c>pacing</c> times its bitrate when that is above 0 (audio is not paced, as browsers send
/// it). <see cref="Forwarded"/> are the streams a subscriber gets: the audio and the highest video layer.
/// </summary>
public sealed record PublisherStreams(IReadOnlyList<TrackSender> Senders, IReadOnlyList<TrackSender> Forwarded)
{
    /// <summary>Packets of the forwarded streams sent in the window: what each subscriber of this publisher should get.</summary>
    public long PacketsInWindow => Forwarded.Sum(sender => sender.PacketsInWindow);

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
        var audio = new TrackSender(peer, peer.SsrcOf("0"), SdpOfferBuilder.OpusPayloadType, media.Audio, new OpusPacketizer(), audioStart, phase, log);
        TrackSender Video(MediaClip clip, uint ssrc, string? rid) =>
            new(peer, ssrc, SdpOfferBuilder.Vp8PayloadType, clip, new Vp8Packetizer(Random.Shared.Next()), videoStart, phase, log, pacing > 0 ? new Pacer(pacing * clip.BitsPerSecond / 8) : null, rid);
        var video = media.Simulcast.Count == 0
            ? [Video(media.Video, peer.SsrcOf("1"), rid: null)]
            : media.Simulcast.Select(layer => Video(layer.Clip, (uint)Random.Shared.Next(), layer.Layer.Rid)).ToList();
        return new PublisherStreams([audio, .. video], [audio, video[^1]]);
    }
}
