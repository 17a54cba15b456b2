using Microsoft.Extensions.Options;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Turn;

namespace WebRtcChat.Presence.Extensions;

public static class CallExtensions
{
    /// <summary>Call signaling (state in Redis, swept by every instance) and the TURN credentials handed to clients.</summary>
    public static IHostApplicationBuilder AddCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallStore>();
        builder.Services.AddSingleton<CallHistory>();
        builder.Services.AddSingleton<CallRules>();
        builder.Services.AddSingleton<CallAnnouncer>();
        builder.Services.AddSingleton<CallCoordinator>();
        builder.Services.AddSingleton<CallRefusalFilter>();
        builder.Services.AddHostedService<CallSweeper>();
        builder.Services.AddOptions<CallOptions>()
            .BindConfiguration(CallOptions.Section)
            .Validate(options => options.RingTimeout > TimeSpan.Zero && options.LeaveGrace >= TimeSpan.Zero && options.SweepInterval > TimeSpan.Zero
                && options.MaxMeshParticipants >= 2 && options.HistoryLimit >= 1,
                "Presence:Calls needs a positive RingTimeout and SweepInterval, a non-negative LeaveGrace, MaxMeshParticipants of at least 2 and HistoryLimit of at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IceServers>();
        builder.Services.AddSingleton<IPostConfigureOptions<TurnOptions>, TurnConnectionString>();
        builder.Services.AddOptions<TurnOptions>()
            .BindConfiguration(TurnOptions.Section)
            .Validate(options => options.CredentialTtl > TimeSpan.Zero, "Presence:Turn:CredentialTtl must be positive.")
            .ValidateOnStart();
        return builder;
    }
}
