using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Messages;

namespace WebRtcChat.Messaging.Apis;

/// <summary>
/// Receipts: a member's client reports it has received (<c>delivered</c>) or shown (<c>read</c>) a room up to a message.
/// Positions only move forward; each advance publishes its event once.
/// </summary>
public static class ReceiptsApi
{
    public static RouteGroupBuilder MapReceipts(this RouteGroupBuilder rooms)
    {
        rooms.MapPost("/{roomId:guid}/read", (Guid roomId, ReceiptRequest request, [AsParameters] RoomServices services, CancellationToken ct) =>
            AdvanceAsync(roomId, request, read: true, services, ct));
        rooms.MapPost("/{roomId:guid}/delivered", (Guid roomId, ReceiptRequest request, [AsParameters] RoomServices services, CancellationToken ct) =>
            AdvanceAsync(roomId, request, read: false, services, ct));
        return rooms;
    }

    public static async Task<Results<Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> AdvanceAsync(
        Guid roomId, ReceiptRequest request, bool read, RoomServices services, CancellationToken cancellationToken)
    {
        if (request.UpToMessageId is not { } upTo)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("upToMessageId", "upToMessageId is required."));
        }

        var db = services.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var caller = services.CallerId;

        // One receipt per member at a time: their positions and read marks change together.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM room_members WHERE room_id = {roomId} AND user_id = {caller} FOR UPDATE", cancellationToken);
        if (await services.FindAsMemberAsync(roomId, cancellationToken) is not var (room, member))
        {
            return RoomProblems.RoomNotFound();
        }

        var seq = await db.Messages.Where(m => m.Id == upTo && m.RoomId == room.Id).Select(m => (long?)m.Seq).SingleOrDefaultAsync(cancellationToken);
        if (seq is null)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("upToMessageId", "upToMessageId must be a message of this room."));
        }

        var now = services.Time.GetUtcNow();
        var advanced = read ? ReadPositions.AdvanceRead(db, member, seq.Value, now) : ReadPositions.AdvanceDelivered(member, seq.Value);
        if (advanced)
        {
            db.AddIntegrationEvent<object>(read
                ? new MessagesRead(room.Id, caller, upTo, seq.Value, room.MemberIds(), now)
                : new MessageDelivered(room.Id, caller, upTo, seq.Value, room.MemberIds(), now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(new ReceiptDto(room.Id, member.LastReadSeq, member.LastDeliveredSeq, room.LastMessageSeq - member.LastReadSeq));
    }
}
