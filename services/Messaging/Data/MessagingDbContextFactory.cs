using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Messaging.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
internal sealed class MessagingDbContextFactory : NpgsqlDesignTimeDbContextFactory<MessagingDbContext>;
