using Microsoft.EntityFrameworkCore;
using WebRtcChat.Messaging.Attachments;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.Messaging.Model;
using WebRtcChat.Messaging.Rooms;
using WebRtcChat.ServiceDefaults.Data;

namespace WebRtcChat.Messaging.Data;

/// <summary>The Messaging service's own database: rooms, membership, messages, pending object deletions, its copy of users and blocks, plus its event outbox and inbox.</summary>
public sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : DbContext(options)
{
    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<RoomMember> RoomMembers => Set<RoomMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<ReadMark> ReadMarks => Set<ReadMark>();

    public DbSet<ObjectCleanup> ObjectCleanups => Set<ObjectCleanup>();

    public DbSet<KnownUser> Users => Set<KnownUser>();

    public DbSet<UserBlock> Blocks => Set<UserBlock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddEventBusTables();
        ConfigureRooms(modelBuilder);
        ConfigureMessages(modelBuilder);
        ConfigureUserDirectory(modelBuilder);
        modelBuilder.UseSnakeCaseColumns();
    }

    private static void ConfigureRooms(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Room>(room =>
        {
            room.ToTable("rooms");
            room.Property(r => r.Kind).HasMaxLength(16);
            room.Property(r => r.DirectKey).HasMaxLength(65);
            room.HasIndex(r => r.DirectKey).IsUnique();
            room.Property(r => r.Name).HasMaxLength(RoomRules.MaxNameLength);
            room.Property(r => r.Topic).HasMaxLength(RoomRules.MaxTopicLength);
            room.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RoomMember>(member =>
        {
            member.ToTable("room_members");
            member.HasKey(m => new { m.RoomId, m.UserId });
            member.HasIndex(m => m.UserId);
            member.Property(m => m.Role).HasMaxLength(16);
        });
    }

    private static void ConfigureMessages(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Message>(message =>
        {
            message.ToTable("messages");
            message.HasIndex(m => new { m.RoomId, m.Seq }).IsUnique();
            message.HasIndex(m => new { m.RoomId, m.SenderId, m.ClientMessageId }).IsUnique();
            message.HasIndex(m => m.ReplyTo);
            message.Property(m => m.ClientMessageId).HasMaxLength(MessageRules.MaxClientMessageIdLength);
            message.Property(m => m.Type).HasMaxLength(16);
            message.Property(m => m.Content).HasMaxLength(MessageRules.MaxContentLength);
            message.Property(m => m.EditHistory).HasJsonbConversion();
            message.Property(m => m.Attachments).HasJsonbConversion();
            message.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Reaction>(reaction =>
        {
            reaction.ToTable("message_reactions");
            reaction.HasKey(r => new { r.MessageId, r.UserId, r.Emoji });
            reaction.Property(r => r.Emoji).HasMaxLength(MessageRules.MaxEmojiLength);
            reaction.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReadMark>(mark =>
        {
            mark.ToTable("read_marks");
            mark.HasKey(m => new { m.RoomId, m.UserId, m.FromSeq });
            mark.HasIndex(m => new { m.RoomId, m.ToSeq });
        });

        modelBuilder.Entity<ObjectCleanup>(cleanup =>
        {
            cleanup.ToTable("object_cleanups");
            cleanup.HasKey(c => c.Key);
            cleanup.Property(c => c.Key).HasMaxLength(AttachmentKeys.MaxLength);
            cleanup.HasIndex(c => c.DueAt);
        });
    }

    private static void ConfigureUserDirectory(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.UserName).HasMaxLength(64);
            user.HasIndex(u => u.UserName);
            user.Property(u => u.DisplayName).HasMaxLength(128);
        });

        modelBuilder.Entity<UserBlock>(block =>
        {
            block.ToTable("user_blocks");
            block.HasKey(b => new { b.BlockerId, b.BlockedId });
        });
    }
}
