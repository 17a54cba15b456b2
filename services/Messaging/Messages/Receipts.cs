using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// Moves a member's read or delivery position up to a message and, when it moved, adds the event to the outbox. The
/// caller owns the transaction (the REST receipt endpoints, or the consumer of the hub's delivery acknowledgements) and
/// saves; the member's row stays locked until then, so one member's receipts apply one at a time.
/// </summary>
internal static class Receipts
{
    public enum Outcome
    {
        NotMember,
        UnknownMessage,
        Unchanged,
        Advanced,
    }

    public sealed record Result(Outcome Outcome, Room? Room = null, RoomMember? Member = null);

    public static async Task<Result> ApplyAsync(
        MessagingDbContext db, Guid roomId, Guid userId, Guid upToMessageId, bool read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM room_members WHERE room_id = {roomId} AND user_id = {userId} FOR UPDATE", cancellationToken);
        var room = await db.Rooms.Include(r => r.Members).SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room?.Members.SingleOrDefault(m => m.UserId == userId) is not { } member)
        {
            return new Result(Outcome.NotMember);
        }

        var seq = await db.Messages.Where(m => m.Id == upToMessageId && m.RoomId == roomId).Select(m => (long?)m.Seq).SingleOrDefaultAsync(cancellationToken);
        if (seq is null)
        {
            return new Result(Outcome.UnknownMessage, room, member);
        }

        var advanced = read ? ReadPositions.AdvanceRead(db, member, seq.Value, now) : ReadPositions.AdvanceDelivered(member, seq.Value);
        if (!advanced)
        {
            return new Result(Outcome.Unchanged, room, member);
        }

        db.AddIntegrationEvent<object>(read
            ? new MessagesRead(room.Id, userId, upToMessageId, seq.Value, room.MemberIds(), now)
            : new MessageDelivered(room.Id, userId, upToMessageId, seq.Value, room.MemberIds(), now));
        return new Result(Outcome.Advanced, room, member);
    }
}
