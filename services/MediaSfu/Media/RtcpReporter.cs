using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// RTCP terminated per leg (RFC 3550 §6, as a translator that is an endpoint on each side): every interval each
/// publisher gets our receiver report on its streams, and each subscriber a sender report per stream we forward to it,
/// so both measure loss, jitter and RTT against us and subscribers can synchronize audio with video. A round allocates
/// nothing (see <see cref="MediaControlLoop"/>).
/// </summary>
public sealed class RtcpReporter(SfuNode node, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>A receiver report's blocks, filled for one publisher at a time (one loop uses it).</summary>
    private readonly ReportBlock[] blocks = new ReportBlock[ReceiverReport.MaxBlocks];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Report();
        }
    }

    /// <summary>One round: every connected participant's rates sampled, its receiver and sender reports sent.</summary>
    public void Report()
    {
        foreach (var call in node.Calls)
        {
            foreach (var peer in call.Peers)
            {
                if (peer.IsConnected)
                {
                    SampleRates(peer);
                    ReportReception(peer);
                    ReportSending(peer);
                }
            }
        }
    }

    private void SampleRates(MediaPeer peer)
    {
        var tracks = peer.Published;
        for (var i = 0; i < tracks.Count; i++)
        {
            tracks[i].Rate.Sample(tracks[i].Bytes, time);
        }

        foreach (var layer in peer.PublishedLayers)
        {
            layer.Frames?.Rate.Sample(layer.Frames.Frames, time);
        }

        var receiving = peer.Receiving;
        for (var i = 0; i < receiving.Count; i++)
        {
            receiving[i].Rate.Sample(receiving[i].Bytes, time);
        }
    }

    private void ReportReception(MediaPeer publisher)
    {
        var count = 0;
        foreach (var layer in publisher.PublishedLayers)
        {
            if (count < blocks.Length && layer.Reception?.ReportBlock() is { } block)
            {
                blocks[count++] = block;
            }
        }

        if (count > 0)
        {
            publisher.SendRtcp(static (buffer, state) => ReceiverReport.Write(buffer, state.LocalSsrc, state.blocks.AsSpan(0, state.count)), (publisher.LocalSsrc, blocks, count));
        }
    }

    private void ReportSending(MediaPeer subscriber)
    {
        var receiving = subscriber.Receiving;
        for (var i = 0; i < receiving.Count; i++)
        {
            var subscription = receiving[i];
            if (subscription.Packets == 0 || subscription.Layers.Outgoing.RtpTimeAt(RtpClock.Now(time, subscription.Track.ClockRate)) is not { } rtpNow)
            {
                continue;
            }

            var ntp = NtpTime.FromDateTime(time.GetUtcNow());
            var info = new SenderInfo(ntp, rtpNow, (uint)subscription.Packets, (uint)subscription.Bytes);
            subscriber.SendRtcp(static (buffer, state) => SenderReport.Write(buffer, state.Ssrc, state.info, []), (Ssrc: subscription.ForwardedSsrc, info));
            subscription.SenderReportSent(ntp, time.GetTimestamp());
        }
    }
}
