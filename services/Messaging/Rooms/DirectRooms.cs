using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Rooms;

/// <summary>
/// A direct room is the one conversation of a pair of users: opening it again returns the existing room (also when two
/// requests race, thanks to the unique pair key). A user who blocked the caller does not exist for them.
/// </summary>
internal static class DirectRooms
{
    public static async Task<Results<Created<RoomDetails>, Ok<RoomDetails>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        CreateRoomRequest request, RoomServices services, CancellationToken cancellationToken)
    {
        var caller = services.CallerId;
        var others = (request.MemberIds ?? []).Where(id => id != caller).Distinct().ToList();
        if (others.Count != 1 || request.MemberIds!.Count != 1)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("memberIds", "A direct room needs exactly one other user in memberIds."));
        }

        if (request.Name is not null || request.Topic is not null)
        {
            return TypedResults.ValidationProblem(RoomsApi.Errors("name", "A direct room has no name or topic."));
        }

        var other = others[0];
        var db = services.Db;
        if (!await db.Users.AnyAsync(u => u.Id == other, cancellationToken)
            || await db.Blocks.AnyAsync(b => b.BlockerId == other && b.BlockedId == caller, cancellationToken))
        {
            return RoomProblems.UserNotFound(other);
        }

        if (await db.Blocks.AnyAsync(b => b.BlockerId == caller && b.BlockedId == other, cancellationToken))
        {
            return RoomProblems.Blocked();
        }

        var key = Room.DirectKeyFor(caller, other);
        if (await FindAsync(db, key, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(await RoomViews.DetailsAsync(services, existing, cancellationToken));
        }

        var now = services.Time.GetUtcNow();
        var room = new Room
        {
            Id = Guid.CreateVersion7(),
            Kind = RoomKinds.Direct,
            DirectKey = key,
            CreatedBy = caller,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
            Members =
            [
                new RoomMember { UserId = caller, Role = RoomRoles.Member, JoinedAt = now },
                new RoomMember { UserId = other, Role = RoomRoles.Member, JoinedAt = now },
            ],
        };
        db.Rooms.Add(room);
        db.AddIntegrationEvent(new RoomCreated(room.Id, room.Kind, null, caller, room.MemberIds(), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other user (or a retry) opened the same room at the same moment: theirs is the room.
            db.ChangeTracker.Clear();
            var raced = await FindAsync(db, key, cancellationToken) ?? throw new InvalidOperationException("The direct room vanished after a conflict.");
            return TypedResults.Ok(await RoomViews.DetailsAsync(services, raced, cancellationToken));
        }

        return TypedResults.Created($"/api/rooms/{room.Id}", await RoomViews.DetailsAsync(services, room, cancellationToken));
    }

    private static Task<Room?> FindAsync(Data.MessagingDbContext db, string key, CancellationToken cancellationToken) =>
        db.Rooms.AsNoTracking().Include(r => r.Members).SingleOrDefaultAsync(r => r.DirectKey == key, cancellationToken);
}
