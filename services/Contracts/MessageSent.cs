namespace WebRtcChat.Contracts;

/// <summary>
/// A message was posted. <paramref name="Content"/> is null when end-to-end encrypted; <paramref name="MemberIds"/> are the
/// room's members (who should receive it), <paramref name="Mentions"/> the members it names.
/// </summary>
public sealed record MessageSent(
    Guid MessageId,
    Guid RoomId,
    long Seq,
    Guid SenderId,
    string Type,
    string? Content,
    bool Encrypted,
    Guid? ReplyTo,
    IReadOnlyList<Guid> Mentions,
    int AttachmentCount,
    IReadOnlyList<Guid> MemberIds,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
