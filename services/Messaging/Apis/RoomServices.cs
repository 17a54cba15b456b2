using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Apis;

/// <summary>What the room handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record RoomServices(HttpContext HttpContext, MessagingDbContext Db, TimeProvider Time, IOptions<MessagingOptions> Options)
{
    public Guid CallerId => HttpContext.User.GetUserId();

    /// <summary>The room with its members (tracked), when the caller is one of them; otherwise null.</summary>
    public async Task<(Room Room, RoomMember Caller)?> FindAsMemberAsync(Guid roomId, CancellationToken cancellationToken)
    {
        var caller = CallerId;
        var room = await Db.Rooms.Include(r => r.Members).SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        var membership = room?.Members.SingleOrDefault(m => m.UserId == caller);
        return membership is null ? null : (room!, membership);
    }

    /// <summary>
    /// Like <see cref="FindAsMemberAsync"/>, but first locks the room's row until the caller's transaction ends, so
    /// concurrent membership changes to the same room apply one after the other.
    /// </summary>
    public async Task<(Room Room, RoomMember Caller)?> LockAsMemberAsync(Guid roomId, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlAsync($"SELECT 1 FROM rooms WHERE id = {roomId} FOR UPDATE", cancellationToken);
        return await FindAsMemberAsync(roomId, cancellationToken);
    }
}
