using Microsoft.EntityFrameworkCore;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// Shapes messages of one room for a member: reactions, reply counts and, from the members' read and delivery
/// positions, each message's status and readers. Three queries per page, whatever its size.
/// </summary>
internal static class MessageViews
{
    public static async Task<List<MessageDto>> ShapeAsync(
        MessagingDbContext db, Room room, IReadOnlyList<Message> messages, int readByDetailMaxMembers, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var ids = messages.Select(m => m.Id).ToList();
        var reactions = (await db.Reactions.AsNoTracking()
                .Where(r => ids.Contains(r.MessageId))
                .OrderBy(r => r.CreatedAt)
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.MessageId);
        var replyCounts = await db.Messages.AsNoTracking()
            .Where(m => m.ReplyTo != null && ids.Contains(m.ReplyTo.Value) && m.DeletedAt == null)
            .GroupBy(m => m.ReplyTo!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var detailed = room.Members.Count <= readByDetailMaxMembers;
        var readTimes = detailed ? new ReadTimes(await ReadMarksAsync(db, room.Id, messages, cancellationToken)) : null;

        return messages.Select(m => Shape(m, room.Members, reactions[m.Id], replyCounts.GetValueOrDefault(m.Id), readTimes)).ToList();
    }

    private static MessageDto Shape(Message message, IReadOnlyList<RoomMember> members, IEnumerable<Reaction> reactions, int replyCount, ReadTimes? readTimes)
    {
        var others = members.Where(m => m.UserId != message.SenderId).ToList();
        var readers = ReadersOf(message, members);
        var status = others.Count > 0 && readers.Count == others.Count ? "read"
            : others.Count > 0 && others.All(m => m.LastDeliveredSeq >= message.Seq) ? "delivered"
            : "sent";
        var readBy = readTimes is null ? null : ReadByOf(message, readers, readTimes);
        var deleted = message.DeletedAt is not null;
        return new MessageDto(
            message.Id,
            message.RoomId,
            message.Seq,
            message.SenderId,
            message.Type,
            deleted ? null : message.Content,
            deleted || message.Type != MessageTypes.Voice ? null : VoiceOf(message),
            deleted || message.Type == MessageTypes.Voice ? [] : message.Attachments.Select((a, i) => AttachmentOf(message, a, i)).ToList(),
            message.Encrypted,
            message.ReplyTo,
            replyCount,
            deleted ? [] : message.Mentions,
            deleted ? [] : reactions.GroupBy(r => r.Emoji).Select(g => new ReactionDto(g.Key, g.Select(r => r.UserId).ToList(), g.Count())).ToList(),
            status,
            readBy,
            readers.Count,
            deleted ? [] : message.EditHistory.Select(e => new EditDto(e.Content, e.EditedAt, e.EditedBy)).ToList(),
            message.EditedAt is not null,
            deleted,
            message.ClientMessageId,
            message.CreatedAt,
            message.UpdatedAt);
    }

    /// <summary>Who of <paramref name="room"/>'s members read <paramref name="message"/> and when, whatever the room's size.</summary>
    public static async Task<List<ReadByDto>> ReadByAsync(MessagingDbContext db, Room room, Message message, CancellationToken cancellationToken)
    {
        var readTimes = new ReadTimes(await ReadMarksAsync(db, room.Id, [message], cancellationToken));
        return ReadByOf(message, ReadersOf(message, room.Members), readTimes);
    }

    private static List<RoomMember> ReadersOf(Message message, IReadOnlyList<RoomMember> members) =>
        members.Where(m => m.UserId != message.SenderId && m.LastReadSeq >= message.Seq).ToList();

    // Every advance of a read position writes its mark, so a reader always has one; were it missing (data restored by
    // hand), the message's own time is the earliest it can have been read.
    private static List<ReadByDto> ReadByOf(Message message, List<RoomMember> readers, ReadTimes readTimes) => readers
        .Select(r => new ReadByDto(r.UserId, readTimes.Of(r.UserId, message.Seq) ?? message.CreatedAt))
        .OrderBy(r => r.ReadAt)
        .ToList();

    /// <summary>The API path of a message's file; it answers members with a redirect to a short-lived presigned URL.</summary>
    public static string DownloadPath(Message message, int index) => $"/api/messages/{message.Id}/attachments/{index}";

    private static VoiceMessageDto? VoiceOf(Message message) =>
        message.Attachments is [var audio, ..]
            ? new VoiceMessageDto(DownloadPath(message, 0), audio.Duration ?? 0, audio.MimeType, audio.Codec ?? string.Empty, audio.Bitrate ?? 0, audio.Size)
            : null;

    private static AttachmentDto AttachmentOf(Message message, Attachment attachment, int index) => new(
        attachment.FileName,
        DownloadPath(message, index),
        attachment.Size,
        attachment.MimeType,
        attachment.Width,
        attachment.Height,
        attachment.ThumbnailKey is null ? null : DownloadPath(message, index) + "/thumbnail",
        attachment.Duration);

    private static Task<List<ReadMark>> ReadMarksAsync(MessagingDbContext db, Guid roomId, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        var low = messages.Min(m => m.Seq);
        var high = messages.Max(m => m.Seq);
        return db.ReadMarks.AsNoTracking()
            .Where(k => k.RoomId == roomId && k.ToSeq >= low && k.FromSeq <= high)
            .ToListAsync(cancellationToken);
    }
}
