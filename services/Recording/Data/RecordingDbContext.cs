using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Recording.Data;

/// <summary>The Recording service's own database: call recordings and their metadata, plus its event outbox and inbox.</summary>
public sealed class RecordingDbContext(DbContextOptions<RecordingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddEventBusTables();
}
