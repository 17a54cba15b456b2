using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// RTCP terminated per leg (RFC 3550 §6, as a translator that is an endpoint on each side): every interval each
/// publisher gets our receiver report on its streams, and each subscriber a sender report per stream we forward to it,
/// so both measure loss, jitter and RTT against us and subscribers can synchronize audio with video.
/// </summary>
public sealed class RtcpReporter(SfuNode node, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var peer in node.Calls.SelectMany(c => c.Peers).Where(p => p.IsConnected))
            {
                SampleRates(peer);
                ReportReception(peer);
                ReportSending(peer);
            }
        }
    }

    private void SampleRates(MediaPeer peer)
    {
        foreach (var track in peer.Published)
        {
            track.Rate.Sample(track.Bytes, time);
            foreach (var layer in track.Layers)
            {
                layer.Frames?.Rate.Sample(layer.Frames.Frames, time);
            }
        }

        foreach (var subscription in peer.Receiving)
        {
            subscription.Rate.Sample(subscription.Bytes, time);
        }
    }

    private static void ReportReception(MediaPeer publisher)
    {
        var blocks = publisher.Published.SelectMany(t => t.Layers).Select(l => l.Reception?.ReportBlock()).OfType<ReportBlock>().Take(31).ToArray();
        if (blocks.Length > 0)
        {
            publisher.SendRtcp(static (buffer, state) => ReceiverReport.Write(buffer, state.LocalSsrc, state.blocks), (publisher.LocalSsrc, blocks));
        }
    }

    private void ReportSending(MediaPeer subscriber)
    {
        foreach (var subscription in subscriber.Receiving)
        {
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
