using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Presence.Rooms;

namespace WebRtcChat.Presence.Status;

/// <summary>Tells a user's audience (and their own other devices) that their presence changed: <c>presence-changed</c>.</summary>
public sealed class PresenceNotifier(IHubContext<ChatHub> hub, PresenceStore store, RoomMembers rooms, SocialGraph graph)
{
    public async Task NotifyAsync(Guid userId, CancellationToken cancellationToken)
    {
        var presence = await store.GetAsync(userId);
        var audience = await graph.AudienceOfAsync(userId, await rooms.RoomMatesOfAsync(userId));
        var users = audience.Append(userId).Select(id => id.ToString()).ToList();
        await hub.Clients.Users(users).SendAsync(ChatEventNames.PresenceChanged, presence, cancellationToken);
    }
}
