using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Messaging.Data;

/// <summary>The Messaging service's own database: rooms, membership, messages and attachments, plus its event outbox and inbox.</summary>
public sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddEventBusTables();
}
