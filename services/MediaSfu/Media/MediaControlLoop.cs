namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The SFU's bandwidth and layer control, every <see cref="Interval"/>: each subscriber's layers are re-planned (a layer
/// that stopped, a new height request, a changed budget), each publisher gets its REMB when loss is high; every
/// <see cref="TicksPerReport"/> ticks the layers' rates are sampled and every publisher gets its periodic REMB.
/// </summary>
public sealed class MediaControlLoop(SfuNode node, UplinkReporter uplink, LayerPlanner planner, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public const int TicksPerReport = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        for (long tick = 0; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            var periodic = tick % TicksPerReport == 0;
            var peers = node.Calls.SelectMany(c => c.Peers).Where(p => p.IsConnected).ToList();
            foreach (var peer in peers)
            {
                if (periodic)
                {
                    SampleRates(peer);
                }

                uplink.Report(peer, periodic);
            }

            foreach (var peer in peers)
            {
                planner.Plan(peer);
            }
        }
    }

    private void SampleRates(MediaPeer publisher)
    {
        foreach (var layer in publisher.Published.SelectMany(t => t.Layers))
        {
            layer.Rate.Sample(layer.Bytes, time);
        }
    }
}
