using WebRtcChat.ServiceDefaults.EventBus;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps the transactional outbox and the idempotent inbox into a service's own database.</summary>
public static class EventBusModelBuilderExtensions
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Adds <c>outbox_messages</c> and <c>inbox_messages</c>; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddEventBusTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.Type).HasColumnName("type").IsRequired();
            outbox.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb").IsRequired();
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.DispatchedAt).HasColumnName("dispatched_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent");
            outbox.HasIndex(m => m.Id)
                .HasDatabaseName("ix_outbox_messages_undispatched")
                .HasFilter("dispatched_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer");
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        return modelBuilder;
    }
}
