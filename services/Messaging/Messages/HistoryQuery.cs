using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Messaging.Apis;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// A page of a room's history by cursor: <c>before</c> a message (older ones), <c>after</c> a message (newer ones: what a
/// reconnecting client missed), or the newest page; the seed's <c>skip</c> offsets from the newest end. Cursors are message
/// ids, resolved to the room's commit-ordered sequence numbers, so pages neither skip nor repeat while messages arrive.
/// </summary>
internal static class HistoryQuery
{
    public static async Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> PageAsync(
        Guid roomId, int? limit, Guid? before, Guid? after, int? skip, RoomServices services, CancellationToken cancellationToken)
    {
        var size = limit ?? MessageRules.DefaultPageSize;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (size is < 1 or > MessageRules.MaxPageSize)
        {
            errors["limit"] = [$"The limit must be between 1 and {MessageRules.MaxPageSize}."];
        }

        if (before is not null && after is not null)
        {
            errors["after"] = ["Give either before or after, not both."];
        }

        if (skip is < 0 || (skip is > 0 && after is not null))
        {
            errors["skip"] = ["skip must be zero or more, and cannot be combined with after."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await services.FindAsMemberAsync(roomId, cancellationToken) is not var (room, _))
        {
            return RoomProblems.RoomNotFound();
        }

        var messages = services.Db.Messages.AsNoTracking().Where(m => m.RoomId == room.Id);
        var cursorId = after ?? before;
        long? cursor = cursorId is null ? null
            : await messages.Where(m => m.Id == cursorId).Select(m => (long?)m.Seq).SingleOrDefaultAsync(cancellationToken);
        if (cursorId is not null && cursor is null)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors(after is null ? "before" : "after", "The cursor must be a message of this room."));
        }

        var page = after is not null
            ? await messages.Where(m => m.Seq > cursor).OrderBy(m => m.Seq).Take(size + 1).ToListAsync(cancellationToken)
            : await messages.Where(m => before == null || m.Seq < cursor).OrderByDescending(m => m.Seq)
                .Skip(skip ?? 0).Take(size + 1).ToListAsync(cancellationToken);
        var hasMore = page.Count > size;
        page = page.Take(size).OrderBy(m => m.Seq).ToList();
        return TypedResults.Ok(new MessagePage(await services.ShapeAsync(room, page, cancellationToken), hasMore));
    }
}
