using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Analytics.Data;

/// <summary>The Analytics service's own database: event-fed counters and aggregates, plus its event outbox and inbox.</summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddEventBusTables();
}
