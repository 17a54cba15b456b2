using System.Collections.Immutable;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// This node's media plane: the one ICE-lite UDP port, the DTLS certificate every answer fingerprints, and the calls
/// whose media it carries.
/// </summary>
public sealed partial class SfuNode : IDisposable
{
    private readonly Roster<Guid, MediaCall> calls = new();
    private readonly TimeProvider time;
    private readonly TimeSpan keyframeInterval;
    private readonly LossRecoverySettings recovery;

    public SfuNode(IOptions<SfuOptions> options, TimeProvider time, ILogger<SfuNode>? logger = null)
    {
        var settings = options.Value;
        Ice = new IceLiteServer(new IceLiteServerOptions
        {
            BindAddress = IPAddress.Parse(settings.UdpBindAddress),
            Port = settings.UdpPort,
            ReceiveThreads = settings.ReceiveThreads,
            ReceiveThreadPriority = settings.ReceiveThreadPriority,
            FanOutHelpers = settings.UsesFanOutHelpers,
            AdvertisedAddress = settings.AdvertisedAddress is { Length: > 0 } advertised ? IPAddress.Parse(advertised) : DefaultAdvertisedAddress(),
            ConsentTimeout = settings.ConsentTimeout,
        });
        if (logger is not null)
        {
            LogMediaPort(logger, Ice.LocalEndPoint.Port, Ice.ReceiveThreads, Ice.RealtimeReceiveThreads);
            if (settings.ReceiveThreadPriority > 0 && Ice.RealtimeReceiveThreads < Ice.ReceiveThreads)
            {
                LogNotRealtime(logger, settings.ReceiveThreadPriority);
            }
        }

        Dtls = new DtlsEndpoint(DtlsCertificate.Generate());
        this.time = time;
        keyframeInterval = settings.KeyframeRequestInterval;
        recovery = LossRecoverySettings.From(settings);
    }

    public IceLiteServer Ice { get; }

    public DtlsEndpoint Dtls { get; }

    public MediaCall CallFor(Guid callId) => calls.GetOrAdd(callId, id => new MediaCall(id, time, recovery));

    public MediaCall? FindCall(Guid callId) => calls.Find(callId);

    public ImmutableArray<MediaCall> Calls => calls.All;

    /// <summary>
    /// Opens a participant's media on this node: its ICE session, its place in the call and the answer to its offer.
    /// The caller subscribes to the peer's events, then starts <see cref="ConnectAsync"/> at once.
    /// </summary>
    public (MediaPeer Peer, string Answer) Admit(MediaCall media, Guid participantId, Guid userId, ParticipantOffer offer)
    {
        var peer = new MediaPeer(media, participantId, userId, Ice.Register(offer.Ice), time, keyframeInterval);
        media.Add(peer);
        peer.Connected += RequestKeyframesFor;
        return (peer, Answer(media, peer, offer));
    }

    /// <summary>The answer to a participant's (new) offer, with the call's plan of who receives what applied.</summary>
    public string Answer(MediaCall media, MediaPeer peer, ParticipantOffer offer)
    {
        var answer = SfuAnswer.Start(offer, peer.Ice.LocalCredentials, this);
        return answer.Complete(media.Negotiate(peer, answer.Sections));
    }

    /// <summary>The DTLS handshake (we are the server) that keys the peer's SRTP.</summary>
    public Task<DtlsResult> ConnectAsync(MediaPeer peer, ParticipantOffer offer) => peer.ConnectAsync(Dtls, offer.Fingerprint, CancellationToken.None);

    /// <summary>A subscriber that just connected needs a key frame of every video it receives to start decoding.</summary>
    private static void RequestKeyframesFor(MediaPeer subscriber)
    {
        foreach (var subscription in subscriber.Receiving.Where(s => s.Track.Kind == MediaKind.Video))
        {
            subscription.Layers.RequestKeyframe();
        }
    }

    /// <summary>Forgets a call's media once nobody is left in it.</summary>
    public void Release(MediaCall call)
    {
        if (call.IsEmpty)
        {
            calls.TryRemove(call.CallId, call);
        }
    }

    public void Dispose()
    {
        foreach (var peer in calls.All.SelectMany(c => c.Peers))
        {
            peer.Close();
        }

        Ice.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media on UDP port {Port}: {Threads} receive threads, {Realtime} of them real-time")]
    private static partial void LogMediaPort(ILogger logger, int port, int threads, int realtime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MediaSfu:ReceiveThreadPriority is {Priority} but the receive threads could not get real-time priority (needs CAP_SYS_NICE on Linux): they run at normal priority")]
    private static partial void LogNotRealtime(ILogger logger, int priority);

    private static IPAddress DefaultAdvertisedAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
