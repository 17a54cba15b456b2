using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Identity.Model;
using WebRtcChat.Identity.Security;

namespace WebRtcChat.Identity.Data;

/// <summary>
/// The Identity service's own database: accounts (ASP.NET Core Identity), the OpenIddict stores, the token
/// server's keys, the ASP.NET Data Protection key ring (shared by every instance), plus its event outbox and inbox.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Block> Blocks => Set<Block>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddEventBusTables();
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        // Identity checks email uniqueness in code; the index makes it hold under concurrent registrations too.
        builder.Entity<User>().HasIndex(u => u.NormalizedEmail).IsUnique();

        ConfigureProfiles(builder);
        ConfigureAccountActivity(builder);

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

    private static void ConfigureAccountActivity(ModelBuilder builder) => builder.Entity<User>(user =>
    {
        user.Property(u => u.LastSignInAt).HasColumnName("last_sign_in_at");
        user.Property(u => u.AvatarKey).HasColumnName("avatar_key").HasMaxLength(128).IsConcurrencyToken();
        user.ComplexProperty(u => u.Stats, stats =>
        {
            stats.Property(s => s.TotalCalls).HasColumnName("stats_total_calls");
            stats.Property(s => s.TotalCallDuration).HasColumnName("stats_total_call_duration");
            stats.Property(s => s.MessagesCount).HasColumnName("stats_messages_count");
            stats.Property(s => s.FilesShared).HasColumnName("stats_files_shared");
        });
    });

    private static void ConfigureProfiles(ModelBuilder builder)
    {
        builder.Entity<User>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ProfileRules.MaxDisplayName);
            user.Property(u => u.Bio).HasMaxLength(ProfileRules.MaxBio);
            user.Property(u => u.Status).HasMaxLength(16).HasDefaultValue(ProfileRules.DefaultStatus);
            user.Property(u => u.Phone).HasMaxLength(ProfileRules.MaxPhone);
            user.Property(u => u.Location).HasMaxLength(ProfileRules.MaxLocation);
            user.Property(u => u.Website).HasMaxLength(ProfileRules.MaxUrl);
            user.Property(u => u.SocialLinks)
                .HasJsonbConversion()
                .HasDefaultValueSql("'{}'::jsonb");
            user.Property(u => u.Theme).HasMaxLength(16).HasDefaultValue(ProfileRules.DefaultTheme);
            user.Property(u => u.ProfileVisibility).HasMaxLength(16).HasDefaultValue(ProfileRules.Public);
            user.Property(u => u.VideoQuality).HasMaxLength(16).HasDefaultValue(ProfileRules.DefaultVideoQuality);
            user.HasIndex(u => u.DisplayName);
        });

        builder.Entity<Contact>(contact =>
        {
            contact.ToTable("contacts");
            contact.HasKey(c => new { c.OwnerId, c.ContactId });
            contact.Property(c => c.OwnerId).HasColumnName("owner_id");
            contact.Property(c => c.ContactId).HasColumnName("contact_id");
            contact.Property(c => c.CreatedAt).HasColumnName("created_at");
            contact.HasIndex(c => c.ContactId);
            contact.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
            contact.HasOne<User>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Block>(block =>
        {
            block.ToTable("blocks");
            block.HasKey(b => new { b.BlockerId, b.BlockedId });
            block.Property(b => b.BlockerId).HasColumnName("blocker_id");
            block.Property(b => b.BlockedId).HasColumnName("blocked_id");
            block.Property(b => b.CreatedAt).HasColumnName("created_at");
            block.HasIndex(b => b.BlockedId);
            block.HasOne<User>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
            block.HasOne<User>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
