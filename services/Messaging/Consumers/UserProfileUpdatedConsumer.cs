using MassTransit;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>Member lists show the user's current display name.</summary>
public sealed class UserProfileUpdatedConsumer : IdempotentConsumer<UserProfileUpdated, MessagingDbContext>
{
    protected override Task HandleAsync(ConsumeContext<UserProfileUpdated> context, MessagingDbContext db, CancellationToken ct) =>
        UserDirectory.UpsertAsync(db, context.Message.UserId, context.Message.UserName, context.Message.DisplayName, ct);
}
