using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.Messaging.Apis;

/// <summary>The stable ProblemDetails of the room endpoints. A room the caller is not in is "not found", never "forbidden".</summary>
internal static class RoomProblems
{
    public static ProblemHttpResult RoomNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "room-not-found", "Room not found", "There is no such room, or you are not a member of it.");

    public static ProblemHttpResult UserNotFound(Guid userId) => ProblemResults.Create(
        StatusCodes.Status404NotFound, "user-not-found", "User not found", $"There is no user {userId}.");

    public static ProblemHttpResult NotManager() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "room-admin-required", "Owner or admin required", "Only the room's owners and admins can do this.");

    public static ProblemHttpResult NotOwner() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "room-owner-required", "Owner required", "Only the room's owners can change roles.");

    public static ProblemHttpResult LastOwner() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "room-last-owner", "Last owner", "A group needs an owner: make someone else owner first.");

    public static ProblemHttpResult Outranked() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "room-role-outranked", "Not allowed on this member", "An admin cannot remove an owner.");

    public static ProblemHttpResult DirectRoomFixed() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "direct-room-fixed", "Direct rooms cannot change", "A direct room always has exactly its two users and no name or topic.");

    public static ProblemHttpResult RoomFull(int limit) => ProblemResults.Create(
        StatusCodes.Status409Conflict, "room-full", "Room is full", $"A group room can have at most {limit} members.");

    public static ProblemHttpResult Blocked() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "user-blocked", "User blocked", "You blocked this user; unblock them first.");

    public static ProblemHttpResult CannotMessage() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "cannot-message", "Cannot message this user", "This user does not accept messages from you.");

    public static ProblemHttpResult MessageNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "message-not-found", "Message not found", "There is no such message, or you are not in its room.");

    public static ProblemHttpResult NotAuthor() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "not-message-author", "Not your message", "Only the author can edit a message.");

    public static ProblemHttpResult CannotDelete() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "cannot-delete-message", "Not allowed to delete", "Only the author or a room owner or admin can delete a message.");

    public static ProblemHttpResult MessageDeleted() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "message-deleted", "Message deleted", "The message has been deleted.");
}
