using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;

namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// The real-time connection of a signed-in client (<c>/hubs/chat</c>). The server pushes every chat event that concerns
/// the user (see <see cref="ChatEventNames"/>) to all of their connections, on whichever instance they are connected.
/// </summary>
public sealed class ChatHub(IPublishEndpoint bus, TimeProvider time) : Hub
{
    public const string Path = "/hubs/chat";

    /// <summary>
    /// The client received a room's messages up to and including <paramref name="upToMessageId"/>. Messaging checks the
    /// membership, moves the delivery position and announces <c>message-delivered</c> to the room.
    /// </summary>
    public Task AckDelivered(Guid roomId, Guid upToMessageId) =>
        bus.Publish(new DeliveryAcknowledged(roomId, Context.User!.GetUserId(), upToMessageId, time.GetUtcNow()), Context.ConnectionAborted);
}
