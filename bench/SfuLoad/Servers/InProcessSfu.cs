using System.Globalization;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Media.Congestion;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.Bench.SfuLoad.Servers;

/// <summary>
/// The SFU's media plane alone (no HTTP, Redis or bus: what forwards packets and chooses simulcast layers) on 127.0.0.1: joins answer an offer
/// and start the DTLS handshake, as the service's join endpoint does after its checks.
/// </summary>
public sealed class InProcessSfu : IDisposable
{
    private readonly SfuNode node;
    private readonly MediaControlLoop control;
    private readonly ProbePacer probes = new(TimeProvider.System);
    private readonly TransportFeedbackLoop feedback;
    private readonly ForwardingTimes forwardingTimes = new();

    /// <param name="receiveThreadPriority">The receive threads' real-time priority (see <see cref="SfuOptions.ReceiveThreadPriority"/>); 0 for normal.</param>
    /// <param name="fanOutHelpers">Whether the receive threads have fan-out helpers (see <see cref="SfuOptions.FanOutHelpers"/>); null for the service's default.</param>
    public InProcessSfu(int receiveThreadPriority = 0, bool? fanOutHelpers = null)
    {
        var settings = Options.Create(new SfuOptions { UdpBindAddress = "127.0.0.1", AdvertisedAddress = "127.0.0.1", ReceiveThreadPriority = receiveThreadPriority, FanOutHelpers = fanOutHelpers });
        node = new SfuNode(settings, TimeProvider.System);
        // The service's layer and bandwidth control (simulcast layer choice, publishers' REMB), as it runs there.
        control = new MediaControlLoop(node, new UplinkReporter(settings), new LayerPlanner(new VideoRequests(), probes, TimeProvider.System), TimeProvider.System);
        control.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        feedback = new TransportFeedbackLoop(node, TimeProvider.System);
        feedback.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        node.Ice.ForwardingTimes = forwardingTimes;
    }

    /// <summary>The answer to <paramref name="offerText"/>; throws for an offer the SFU refuses.</summary>
    public string Join(Guid callId, string offerText)
    {
        if (!ParticipantOffer.TryParse(offerText, out var offer, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var (peer, answer) = node.Admit(node.CallFor(callId), Guid.CreateVersion7(), Guid.NewGuid(), offer);
        _ = node.ConnectAsync(peer, offer);
        return answer;
    }

    /// <summary>How many of the call's peers have SRTP keys.</summary>
    public int Connected(Guid callId) => node.FindCall(callId)?.Peers.Count(p => p.IsConnected) ?? 0;

    /// <summary>Packets the SFU has received from publishers to forward, over all calls.</summary>
    public long Forwarded => node.Calls.SelectMany(c => c.Peers).SelectMany(p => p.Receiving).Sum(s => s.Packets);

    /// <summary>
    /// This process's managed allocations, forwarded packets, gen-0 collections, then the <see cref="LatencyHistogram"/>
    /// counts of <see cref="ForwardingTimes"/>' latency and handling, space-separated.
    /// </summary>
    public string Stats() => string.Create(CultureInfo.InvariantCulture,
        $"{GC.GetTotalAllocatedBytes(precise: true)} {Forwarded} {GC.CollectionCount(0)} {string.Join(' ', forwardingTimes.Latency.Snapshot())} {string.Join(' ', forwardingTimes.Handling.Snapshot())}");

    public void Dispose()
    {
        control.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        control.Dispose();
        feedback.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        feedback.Dispose();
        probes.Dispose();
        node.Dispose();
    }
}
