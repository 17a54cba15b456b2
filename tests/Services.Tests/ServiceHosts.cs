using WebRtcChat.Analytics;
using WebRtcChat.Identity;
using WebRtcChat.MediaSfu;
using WebRtcChat.Messaging;
using WebRtcChat.Presence;
using WebRtcChat.Recording;
using WebRtcChat.Search;
using WebRtcChat.Testing;

namespace WebRtcChat.Services.Tests;

/// <summary>The seven services by their AppHost resource names.</summary>
internal static class ServiceHosts
{
    public static IServiceHost Create(string service, IReadOnlyDictionary<string, string> settings) => service switch
    {
        "identity" => new ServiceFactory<IdentityApp>(settings),
        "messaging" => new ServiceFactory<MessagingApp>(settings),
        "presence" => new ServiceFactory<PresenceApp>(settings),
        "mediasfu" => new ServiceFactory<MediaSfuApp>(settings),
        "recording" => new ServiceFactory<RecordingApp>(settings),
        "search" => new ServiceFactory<SearchApp>(settings),
        "analytics" => new ServiceFactory<AnalyticsApp>(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not one of the seven services"),
    };
}
