namespace WebRtcChat.Messaging.Model;

/// <summary>A conversation: a direct room between exactly two users, or a named group.</summary>
public sealed class Room
{
    public Guid Id { get; set; }

    /// <summary><see cref="RoomKinds.Direct"/> or <see cref="RoomKinds.Group"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>For direct rooms the two member ids, ordered, so a pair can have only one room (unique); null for groups.</summary>
    public string? DirectKey { get; set; }

    public string? Name { get; set; }

    public string? Topic { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When anything last happened in the room; rooms are listed newest activity first.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The sequence number of the room's newest message (0 before the first): each message takes the next one.</summary>
    public long LastMessageSeq { get; set; }

    public List<RoomMember> Members { get; set; } = [];

    public IReadOnlyList<Guid> MemberIds() => Members.Select(m => m.UserId).ToList();

    public static string DirectKeyFor(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}
