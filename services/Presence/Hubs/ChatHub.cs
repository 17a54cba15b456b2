using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Rooms;
using WebRtcChat.Presence.Typing;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// The real-time connection of a signed-in client (<c>/hubs/chat</c>). The server pushes every chat event that concerns
/// the user (see <see cref="ChatEventNames"/>) to all of their connections, on whichever instance they are connected;
/// the client acknowledges deliveries and says when it types.
/// </summary>
public sealed class ChatHub(IPublishEndpoint bus, TimeProvider time, RoomMembers rooms, TypingIndicators typing) : Hub
{
    public const string Path = "/hubs/chat";

    private Guid Caller => Context.User!.GetUserId();

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
