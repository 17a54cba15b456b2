using MassTransit;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>A new account becomes someone rooms can be opened with.</summary>
public sealed class UserRegisteredConsumer : IdempotentConsumer<UserRegistered, MessagingDbContext>
{
    protected override Task HandleAsync(ConsumeContext<UserRegistered> context, MessagingDbContext db, CancellationToken ct) =>
        UserDirectory.UpsertAsync(db, context.Message.UserId, context.Message.UserName, displayName: null, ct);
}
