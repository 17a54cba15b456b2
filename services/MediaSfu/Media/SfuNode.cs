using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// This node's media plane: the one ICE-lite UDP port, the DTLS certificate every answer fingerprints, and the calls
/// whose media it carries.
/// </summary>
public sealed class SfuNode : IDisposable
{
    private readonly ConcurrentDictionary<Guid, MediaCall> calls = new();
    private readonly TimeProvider time;

    public SfuNode(IOptions<SfuOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        Ice = new IceLiteServer(new IceLiteServerOptions
        {
            BindAddress = IPAddress.Parse(settings.UdpBindAddress),
            Port = settings.UdpPort,
            AdvertisedAddress = settings.AdvertisedAddress is { Length: > 0 } advertised ? IPAddress.Parse(advertised) : DefaultAdvertisedAddress(),
            ConsentTimeout = settings.ConsentTimeout,
        });
        Dtls = new DtlsEndpoint(DtlsCertificate.Generate());
        this.time = time;
    }

    public IceLiteServer Ice { get; }

    public DtlsEndpoint Dtls { get; }

    public MediaCall CallFor(Guid callId) => calls.GetOrAdd(callId, id => new MediaCall(id, time));

    public MediaCall? FindCall(Guid callId) => calls.GetValueOrDefault(callId);

    public IEnumerable<MediaCall> Calls => calls.Values;

    /// <summary>Forgets a call's media once nobody is left in it.</summary>
    public void Release(MediaCall call)
    {
        if (call.IsEmpty)
        {
            calls.TryRemove(new KeyValuePair<Guid, MediaCall>(call.CallId, call));
        }
    }

    public void Dispose()
    {
        foreach (var peer in calls.Values.SelectMany(c => c.Peers))
        {
            peer.Close();
        }

        Ice.Dispose();
    }

    private static IPAddress DefaultAdvertisedAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
