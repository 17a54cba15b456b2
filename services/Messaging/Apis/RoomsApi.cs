using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Model;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Apis;

/// <summary>Rooms: create (direct or group), list the caller's, read one, rename or re-topic a group.</summary>
public static class RoomsApi
{
    public static RouteGroupBuilder MapRooms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rooms").WithTags("Rooms").RequireAuthorization(CallerExtensions.UserPolicy);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{roomId:guid}", GetAsync);
        group.MapPatch("/{roomId:guid}", UpdateAsync);
        group.MapRoomMembers();
        group.MapReceipts();
        return group;
    }

    public static async Task<Results<Created<RoomDetails>, Ok<RoomDetails>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoomRequest request, [AsParameters] RoomServices services, CancellationToken cancellationToken) =>
        request.Type switch
        {
            RoomKinds.Direct => await DirectRooms.OpenAsync(request, services, cancellationToken),
            RoomKinds.Group => await GroupRooms.CreateAsync(request, services, cancellationToken),
            _ => TypedResults.ValidationProblem(Errors("type", $"The type must be '{RoomKinds.Direct}' or '{RoomKinds.Group}'.")),
        };

    public static async Task<Ok<List<RoomSummary>>> ListAsync([AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        var rooms = await services.Db.RoomMembers.AsNoTracking()
            .Where(m => m.UserId == caller)
            .Join(services.Db.Rooms, m => m.RoomId, r => r.Id, (m, r) => new { Member = m, Room = r })
            .OrderByDescending(x => x.Room.LastActivityAt)
            .Select(x => new RoomSummary(
                x.Room.Id, x.Room.Kind, x.Room.Name, x.Room.Topic, x.Room.CreatedBy, x.Room.CreatedAt,
                x.Room.LastActivityAt, x.Member.Role, x.Room.Members.Count,
                services.Db.Messages
                    .Where(m => m.RoomId == x.Room.Id && m.Seq == x.Room.LastMessageSeq)
                    .Select(m => new LastMessageDto(m.Id, m.SenderId, m.Type, m.DeletedAt == null ? m.Content : null, m.Encrypted, m.CreatedAt))
                    .FirstOrDefault(),
                x.Room.LastMessageSeq - x.Member.LastReadSeq,
                x.Member.LastReadSeq))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rooms);
    }

    public static async Task<Results<Ok<RoomDetails>, ProblemHttpResult>> GetAsync(
        Guid roomId, [AsParameters] RoomServices services, CancellationToken cancellationToken)
    {
        if (await services.FindAsMemberAsync(roomId, cancellationToken) is not var (room, _))
        {
            return RoomProblems.RoomNotFound();
        }

        return TypedResults.Ok(await RoomViews.DetailsAsync(services, room, cancellationToken));
    }

    public static async Task<Results<Ok<RoomDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid roomId, UpdateRoomRequest request, [AsParameters] RoomServices services, CancellationToken cancellationToken)
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

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Name is not null && RoomRules.CheckName(request.Name) is { } nameError)
        {
            errors["name"] = [nameError];
        }

        if (RoomRules.CheckTopic(request.Topic) is { } topicError)
        {
            errors["topic"] = [topicError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = services.Time.GetUtcNow();
        room.Name = request.Name?.Trim() ?? room.Name;
        room.Topic = request.Topic is null ? room.Topic : RoomRules.NormalizeTopic(request.Topic);
        room.UpdatedAt = now;
        room.LastActivityAt = now;
        services.Db.AddIntegrationEvent(new RoomUpdated(room.Id, room.Name!, room.Topic, caller.UserId, room.MemberIds(), now));
        await change.CommitAsync(services, cancellationToken);
        return TypedResults.Ok(await RoomViews.DetailsAsync(services, room, cancellationToken));
    }

    internal static Dictionary<string, string[]> Errors(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };
}
