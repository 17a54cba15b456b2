using Microsoft.AspNetCore.SignalR;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// The real-time connection of a signed-in client (<c>/hubs/chat</c>). The server pushes every chat event that concerns
/// the user (see <see cref="ChatEventNames"/>) to all of their connections, on whichever instance they are connected.
/// </summary>
public sealed class ChatHub : Hub
{
    public const string Path = "/hubs/chat";
}
