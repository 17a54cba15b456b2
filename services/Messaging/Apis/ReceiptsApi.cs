using Microsoft.AspNetCore.Http.HttpResults;
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
        var result = await Receipts.ApplyAsync(db, roomId, services.CallerId, upTo, read, services.Time.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case Receipts.Outcome.NotMember:
                return RoomProblems.RoomNotFound();
            case Receipts.Outcome.UnknownMessage:
                return TypedResults.ValidationProblem(RoomsApi.Errors("upToMessageId", "upToMessageId must be a message of this room."));
            case Receipts.Outcome.Advanced:
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
        }

        var (room, member) = (result.Room!, result.Member!);
        return TypedResults.Ok(new ReceiptDto(room.Id, member.LastReadSeq, member.LastDeliveredSeq, room.LastMessageSeq - member.LastReadSeq));
    }
}
