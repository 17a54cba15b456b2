using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Search.Data;

/// <summary>The Search service's own database: the message search index and its permission read model, plus its event outbox and inbox.</summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddEventBusTables();
}
