using System.Diagnostics;

namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>The outbox's spans; its name matches the <c>WebRtcChat.*</c> sources the service defaults trace.</summary>
internal static class OutboxActivitySource
{
    public static readonly ActivitySource Instance = new("WebRtcChat.Outbox");
}
