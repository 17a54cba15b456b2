using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Rooms;
using WebRtcChat.Presence.Status;
using WebRtcChat.Presence.Typing;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// The real-time connection of a signed-in client (<c>/hubs/chat</c>). The server pushes every chat event that concerns
/// the user (see <see cref="ChatEventNames"/>) to all of their connections, on whichever instance they are connected;
/// the client acknowledges deliveries and says when it types.
/// </summary>
public sealed partial class ChatHub(
    IPublishEndpoint bus, TimeProvider time, RoomMembers rooms, TypingIndicators typing,
    LocalConnections local, PresenceStore presence, PresenceNotifier notifier, CallCoordinator calls) : Hub
{
    public const string Path = "/hubs/chat";

    private Guid Caller => Context.User!.GetUserId();

    /// <summary>A user's first connection (on any instance) brings them online.</summary>
    public override async Task OnConnectedAsync()
    {
        local.Add(Context.ConnectionId, Caller);
        if (await presence.ConnectAsync(Caller, Context.ConnectionId))
        {
            await notifier.NotifyAsync(Caller, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>After the last connection closes the user goes offline once the grace period passes (see PresenceHeartbeat); a call connection leaves its call after the call's grace.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        local.Remove(Context.ConnectionId);
        await presence.DisconnectAsync(Caller, Context.ConnectionId);
        await calls.ConnectionClosedAsync(Caller, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The user chooses online, away (clients also send it when idle) or busy, with an optional custom text.</summary>
    public async Task SetStatus(string status, string? text)
    {
        if (!PresenceStatuses.IsChoosable(status))
        {
            throw new HubException($"The status must be {PresenceStatuses.Online}, {PresenceStatuses.Away} or {PresenceStatuses.Busy}.");
        }

        if (text is { Length: > PresenceStatuses.MaxStatusTextLength })
        {
            throw new HubException($"The status text must be at most {PresenceStatuses.MaxStatusTextLength} characters.");
        }

        await presence.SetChosenAsync(Caller, status, string.IsNullOrWhiteSpace(text) ? null : text.Trim());
        await notifier.NotifyAsync(Caller, Context.ConnectionAborted);
    }

    /// <summary>
    /// The client received a room's messages up to and including <paramref name="upToMessageId"/>. Messaging checks the
    /// membership, moves the delivery position and announces <c>message-delivered</c> to the room.
    /// </summary>
    public Task AckDelivered(Guid roomId, Guid upToMessageId) =>
        bus.Publish(new DeliveryAcknowledged(roomId, Caller, upToMessageId, time.GetUtcNow()), Context.ConnectionAborted);

    /// <summary>
    /// The user is typing in the room: the other members get <c>typing-started</c> (at most once per throttle interval)
    /// with how long to show it; the client calls again while the user keeps typing.
    /// </summary>
    public async Task StartTyping(Guid roomId)
    {
        var members = await MembersOrThrowAsync(roomId);
        if (await typing.StartAsync(roomId, Caller))
        {
            await Clients.Users(Others(members)).SendAsync(
                ChatEventNames.TypingStarted, new TypingStarted(roomId, Caller, (int)typing.Ttl.TotalMilliseconds), Context.ConnectionAborted);
        }
    }

    /// <summary>The user stopped typing (sent the message, or cleared the box): the others get <c>typing-stopped</c>.</summary>
    public async Task StopTyping(Guid roomId)
    {
        var members = await MembersOrThrowAsync(roomId);
        if (await typing.StopAsync(roomId, Caller))
        {
            await Clients.Users(Others(members)).SendAsync(ChatEventNames.TypingStopped, new TypingStopped(roomId, Caller), Context.ConnectionAborted);
        }
    }

    private async Task<IReadOnlyList<Guid>> MembersOrThrowAsync(Guid roomId)
    {
        var members = await rooms.OfAsync(roomId);
        return members.Contains(Caller) ? members : throw new HubException("You are not a member of this room.");
    }

    private List<string> Others(IReadOnlyList<Guid> members) =>
        [.. members.Where(m => m != Caller).Select(m => m.ToString())];
}
