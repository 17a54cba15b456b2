using Microsoft.AspNetCore.Http.HttpResults;
using WebRtcChat.Presence.Rooms;
using WebRtcChat.Presence.Typing;

namespace WebRtcChat.Presence.Apis;

/// <summary><c>GET /api/presence/typing/{roomId}</c>: who is typing in a room the caller is in (for a client that just joined).</summary>
public static class TypingApi
{
    public static IEndpointRouteBuilder MapTyping(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/presence/typing/{roomId:guid}", TypingAsync).WithTags("Presence").RequireAuthorization(CallerExtensions.UserPolicy);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<Guid>>, ProblemHttpResult>> TypingAsync(
        Guid roomId, HttpContext context, RoomMembers rooms, TypingIndicators typing)
    {
        if (!await rooms.ContainsAsync(roomId, context.User.GetUserId()))
        {
            return ProblemResults.Create(
                StatusCodes.Status404NotFound, "room-not-found", "Room not found", "There is no such room, or you are not a member of it.");
        }

        return TypedResults.Ok(await typing.InRoomAsync(roomId));
    }
}
