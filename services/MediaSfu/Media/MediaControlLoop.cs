namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The SFU's bandwidth and layer control, every <see cref="Interval"/>: each subscriber's layers are re-planned (a layer
/// that stopped, a new height request, a changed budget), each publisher gets its REMB when loss is high; every
/// <see cref="TicksPerReport"/> ticks the layers' rates are sampled and every publisher gets its periodic REMB.
/// A tick allocates nothing but the REMBs it sends (their SSRC lists): on a node forwarding 80,000 packets a second the
/// control loops' allocations were what brought on its gen-0 collections, which stop the receive threads too.
/// </summary>
public sealed class MediaControlLoop(SfuNode node, UplinkReporter uplink, LayerPlanner planner, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public const int TicksPerReport = 4;

    private readonly List<MediaPeer> connected = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        for (long tick = 0; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            Tick(periodic: tick % TicksPerReport == 0);
        }
    }

    /// <param name="periodic">Whether rates are sampled and every publisher gets its REMB on this tick.</param>
    public void Tick(bool periodic)
    {
        CollectConnected();
        foreach (var peer in connected)
        {
            if (periodic)
            {
                SampleRates(peer);
            }

            uplink.Report(peer, periodic);
        }

        foreach (var peer in connected)
        {
            planner.Plan(peer);
        }
    }

    private void CollectConnected()
    {
        connected.Clear();
        foreach (var call in node.Calls)
        {
            foreach (var peer in call.Peers)
            {
                if (peer.IsConnected)
                {
                    connected.Add(peer);
                }
            }
        }
    }

    private void SampleRates(MediaPeer publisher)
    {
        foreach (var layer in publisher.PublishedLayers)
        {
            layer.Rate.Sample(layer.Bytes, time);
        }
    }
}
