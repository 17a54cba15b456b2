using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>
/// A producer's state (<see cref="Note"/>) and a consumer's read model (<see cref="ReceivedNote"/>), plus the outbox and
/// inbox. It has no migrations, so the start-up migrator creates its schema with EnsureCreated.
/// </summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<ReceivedNote> ReceivedNotes => Set<ReceivedNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<ReceivedNote>().ToTable("received_notes");
        modelBuilder.AddEventBusTables();
    }
}

public sealed class Note
{
    public Guid Id { get; set; }

    public int Sequence { get; set; }
}

/// <summary>One row per handled message: duplicates would show up as extra rows.</summary>
public sealed class ReceivedNote
{
    public Guid Id { get; set; }

    public Guid NoteId { get; set; }

    public Guid? MessageId { get; set; }
}
