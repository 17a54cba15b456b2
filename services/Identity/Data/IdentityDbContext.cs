using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.Identity.Data;

/// <summary>The Identity service's own database: accounts, profiles, contacts and blocking, plus its event outbox and inbox.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddEventBusTables();
}
