using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Model;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Apis;

/// <summary>
/// Group membership: owners and admins add and remove members; anyone can leave (remove themself); when the last owner
/// leaves, ownership passes on; owners set roles. Each change holds the room's row lock (see <see cref="GroupChange"/>).
/// </summary>
public static class RoomMembersApi
{
    public static RouteGroupBuilder MapRoomMembers(this RouteGroupBuilder rooms)
    {
        rooms.MapPost("/{roomId:guid}/members/{userId:guid}", AddAsync);
        rooms.MapDelete("/{roomId:guid}/members/{userId:guid}", RemoveAsync);
        rooms.MapPatch("/{roomId:guid}/members/{userId:guid}", ChangeRoleAsync);
        return rooms;
    }

    public static async Task<Results<Created<RoomDetails>, Ok<RoomDetails>, ProblemHttpResult>> AddAsync(
        Guid roomId, Guid userId, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        var (change, problem) = await GroupChange.BeginAsync(services, roomId, cancellationToken);
        if (change is null)
        {
            return problem!;
        }

        await using var _ = change;
        var (room, caller) = (change.Room, change.Caller);
        if (!RoomRoles.CanManage(caller.Role))
        {
            return RoomProblems.NotManager();
        }

        if (room.Members.Any(m => m.UserId == userId))
        {
            return TypedResults.Ok(await RoomViews.DetailsAsync(services, room, cancellationToken));
        }

        if (!await services.Db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return RoomProblems.UserNotFound(userId);
        }

        var limit = services.Options.Value.MaxGroupMembers;
        if (room.Members.Count >= limit)
        {
            return RoomProblems.RoomFull(limit);
        }

        var now = services.Time.GetUtcNow();
        room.Members.Add(new RoomMember { RoomId = room.Id, UserId = userId, Role = RoomRoles.Member, JoinedAt = now });
        room.LastActivityAt = now;
        services.Db.AddIntegrationEvent(new RoomMemberAdded(room.Id, userId, RoomRoles.Member, caller.UserId, room.MemberIds(), now));
        await change.CommitAsync(services, cancellationToken);
        return TypedResults.Created($"/api/rooms/{room.Id}", await RoomViews.DetailsAsync(services, room, cancellationToken));
    }

    public static async Task<Results<NoContent, Ok<RoomDetails>, ProblemHttpResult>> RemoveAsync(
        Guid roomId, Guid userId, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        var (change, problem) = await GroupChange.BeginAsync(services, roomId, cancellationToken);
        if (change is null)
        {
            return problem!;
        }

        await using var _ = change;
        var (room, caller) = (change.Room, change.Caller);
        var leaving = userId == caller.UserId;
        if (!leaving && !RoomRoles.CanManage(caller.Role))
        {
            return RoomProblems.NotManager();
        }

        if (room.Members.SingleOrDefault(m => m.UserId == userId) is not { } target)
        {
            return RoomProblems.UserNotFound(userId);
        }

        if (!leaving && RoomRoles.Rank(target.Role) > RoomRoles.Rank(caller.Role))
        {
            return RoomProblems.Outranked();
        }

        var now = services.Time.GetUtcNow();
        room.Members.Remove(target);
        var newOwner = RoomOwnership.HandOnIfOwnerless(room);
        room.LastActivityAt = now;
        services.Db.AddIntegrationEvent(new RoomMemberRemoved(room.Id, userId, caller.UserId, newOwner?.UserId, room.MemberIds(), now));
        await change.CommitAsync(services, cancellationToken);
        return leaving
            ? TypedResults.NoContent()
            : TypedResults.Ok(await RoomViews.DetailsAsync(services, room, cancellationToken));
    }

    /// <summary>Owners set anyone's role; a group cannot lose its last owner this way (leaving hands ownership on instead).</summary>
    public static async Task<Results<Ok<RoomDetails>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid roomId, Guid userId, ChangeRoleRequest request, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        if (request.Role is not (RoomRoles.Owner or RoomRoles.Admin or RoomRoles.Member))
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors(
                "role", $"The role must be one of: {RoomRoles.Owner}, {RoomRoles.Admin}, {RoomRoles.Member}."));
        }

        var (change, problem) = await GroupChange.BeginAsync(services, roomId, cancellationToken);
        if (change is null)
        {
            return problem!;
        }

        await using var _ = change;
        var room = change.Room;
        if (change.Caller.Role != RoomRoles.Owner)
        {
            return RoomProblems.NotOwner();
        }

        if (room.Members.SingleOrDefault(m => m.UserId == userId) is not { } target)
        {
            return RoomProblems.UserNotFound(userId);
        }

        if (target.Role == RoomRoles.Owner && request.Role != RoomRoles.Owner && room.Members.Count(m => m.Role == RoomRoles.Owner) == 1)
        {
            return RoomProblems.LastOwner();
        }

        target.Role = request.Role;
        room.UpdatedAt = services.Time.GetUtcNow();
        await change.CommitAsync(services, cancellationToken);
        return TypedResults.Ok(await RoomViews.DetailsAsync(services, room, cancellationToken));
    }
}
