using MassTransit;
using WebRtcChat.Contracts;

namespace WebRtcChat.Presence.Status;

/// <summary>Keeps <see cref="SocialGraph"/> current from Identity's contact, block and profile events (visibility and whether they accept calls).</summary>
public sealed class SocialGraphProjector(SocialGraph graph) :
    IConsumer<ContactAdded>, IConsumer<ContactRemoved>, IConsumer<UserBlocked>, IConsumer<UserUnblocked>, IConsumer<UserProfileUpdated>
{
    public Task Consume(ConsumeContext<ContactAdded> context) => graph.SetContactAsync(context.Message.OwnerId, context.Message.ContactId, added: true);

    public Task Consume(ConsumeContext<ContactRemoved> context) => graph.SetContactAsync(context.Message.OwnerId, context.Message.ContactId, added: false);

    public Task Consume(ConsumeContext<UserBlocked> context) => graph.SetBlockAsync(context.Message.BlockerId, context.Message.BlockedId, blocked: true);

    public Task Consume(ConsumeContext<UserUnblocked> context) => graph.SetBlockAsync(context.Message.BlockerId, context.Message.BlockedId, blocked: false);

    public Task Consume(ConsumeContext<UserProfileUpdated> context) => Task.WhenAll(
        graph.SetVisibilityAsync(context.Message.UserId, context.Message.ProfileVisibility),
        graph.SetAllowCallsAsync(context.Message.UserId, context.Message.AllowCalls));
}
