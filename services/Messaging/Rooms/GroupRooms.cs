using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Rooms;

/// <summary>Creates a group room: the caller is its owner, the listed users its members.</summary>
internal static class GroupRooms
{
    public static async Task<Results<Created<RoomDetails>, Ok<RoomDetails>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoomRequest request, RoomServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        var memberIds = (request.MemberIds ?? []).Where(id => id != caller).Distinct().ToList();
        var limit = services.Options.Value.MaxGroupMembers;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (RoomRules.CheckName(request.Name) is { } nameError)
        {
            errors["name"] = [nameError];
        }

        if (RoomRules.CheckTopic(request.Topic) is { } topicError)
        {
            errors["topic"] = [topicError];
        }

        if (memberIds.Count + 1 > limit)
        {
            errors["memberIds"] = [$"A group room can have at most {limit} members, you included."];
        }
        else
        {
            var known = await services.Db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
            var unknown = memberIds.Except(known).ToList();
            if (unknown.Count > 0)
            {
                errors["memberIds"] = [$"No such users: {string.Join(", ", unknown)}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = services.Time.GetUtcNow();
        var room = new Room
        {
            Id = Guid.CreateVersion7(),
            Kind = RoomKinds.Group,
            Name = request.Name!.Trim(),
            Topic = RoomRules.NormalizeTopic(request.Topic),
            CreatedBy = caller,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
            Members = [new RoomMember { UserId = caller, Role = RoomRoles.Owner, JoinedAt = now }],
        };
        room.Members.AddRange(memberIds.Select(id => new RoomMember { UserId = id, Role = RoomRoles.Member, JoinedAt = now }));
        services.Db.Rooms.Add(room);
        services.Db.AddIntegrationEvent(new RoomCreated(room.Id, room.Kind, room.Name, caller, room.MemberIds(), now));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/rooms/{room.Id}", await RoomViews.DetailsAsync(services, room, cancellationToken));
    }
}
