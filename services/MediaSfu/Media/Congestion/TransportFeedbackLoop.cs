namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// Every <see cref="Interval"/>, each publisher that numbers its packets gets transport-cc feedback on what arrived
/// (libwebrtc's receivers send theirs every 50-250 ms, 100 ms at typical rates).
/// </summary>
public sealed class TransportFeedbackLoop(SfuNode node, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var call in node.Calls)
            {
                foreach (var peer in call.Peers)
                {
                    if (peer.IsConnected && peer.Received.ExtensionId != 0)
                    {
                        peer.SendTransportFeedback();
                    }
                }
            }
        }
    }
}
