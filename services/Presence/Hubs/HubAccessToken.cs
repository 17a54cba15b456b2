using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// Browsers cannot set headers on WebSocket and server-sent-event requests, so on the hub's path the access token may
/// come in the <c>access_token</c> query parameter instead (SignalR clients send it there). Other paths take headers only.
/// </summary>
internal sealed class HubAccessToken : IPostConfigureOptions<JwtBearerOptions>
{
    public const string QueryParameter = "access_token";

    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        var previous = options.Events?.OnMessageReceived;
        options.Events ??= new JwtBearerEvents();
        options.Events.OnMessageReceived = async context =>
        {
            if (previous is not null)
            {
                await previous(context);
            }

            if (context.Token is null
                && context.HttpContext.Request.Path.StartsWithSegments(ChatHub.Path, StringComparison.OrdinalIgnoreCase)
                && context.Request.Query[QueryParameter].ToString() is { Length: > 0 } token)
            {
                context.Token = token;
            }
        };
    }
}
