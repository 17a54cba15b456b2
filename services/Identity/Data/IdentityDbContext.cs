using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Identity.Model;
using WebRtcChat.Identity.Security;

namespace WebRtcChat.Identity.Data;

/// <summary>
/// The Identity service's own database: accounts (ASP.NET Core Identity), the OpenIddict stores, the token
/// server's keys, plus its event outbox and inbox.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<User, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddEventBusTables();

        // Identity checks email uniqueness in code; the index makes it hold under concurrent registrations too.
        builder.Entity<User>().HasIndex(u => u.NormalizedEmail).IsUnique();

        builder.Entity<ServerKey>(key =>
        {
            key.ToTable("server_keys");
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.Use).HasColumnName("use").HasMaxLength(8);
            key.Property(k => k.PrivateKeyPem).HasColumnName("private_key_pem");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.HasIndex(k => new { k.Use, k.CreatedAt });
        });

        builder.Entity<AccountToken>(token =>
        {
            token.ToTable("account_tokens");
            token.Property(t => t.Id).HasColumnName("id");
            token.Property(t => t.UserId).HasColumnName("user_id");
            token.Property(t => t.Purpose).HasColumnName("purpose").HasConversion<string>().HasMaxLength(32);
            token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(32);
            token.Property(t => t.CreatedAt).HasColumnName("created_at");
            token.Property(t => t.ExpiresAt).HasColumnName("expires_at");
            token.Property(t => t.UsedAt).HasColumnName("used_at").IsConcurrencyToken();
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => new { t.UserId, t.Purpose });
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
