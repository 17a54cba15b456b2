using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Delivery;

/// <summary>
/// Pushes one kind of Messaging event to the hub connections of the users it concerns, the moment it is consumed. Any
/// instance may consume it: the Redis backplane carries the push to the instances the users are connected to. A
/// redelivered event is pushed again; clients recognise repeats by the ids the events carry.
/// </summary>
public abstract class ChatEventPusher<TEvent>(IHubContext<ChatHub> hub) : IConsumer<TEvent> where TEvent : class
{
    /// <summary>The client method (one of <see cref="ChatEventNames"/>).</summary>
    protected abstract string Method { get; }

    /// <summary>Who is told: the room's members, plus anyone the event is about who just left.</summary>
    protected abstract IEnumerable<Guid> RecipientsOf(TEvent message);

    /// <summary>What the clients get: the event itself, unless a pusher shapes it.</summary>
    protected virtual object PayloadOf(TEvent message) => message;

    public Task Consume(ConsumeContext<TEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = RecipientsOf(context.Message).Distinct().Select(id => id.ToString()).ToList();
        return hub.Clients.Users(users).SendAsync(Method, PayloadOf(context.Message), context.CancellationToken);
    }
}
