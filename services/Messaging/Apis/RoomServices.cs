using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.Messaging.Model;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Apis;

/// <summary>What the room handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record RoomServices(
    HttpContext HttpContext, [FromServices] MessagingDbContext Db, [FromServices] TimeProvider Time, [FromServices] IOptions<MessagingOptions> Options)
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

    /// <summary>
    /// The message (tracked), its room and the caller's membership, when the caller is in that room; otherwise null.
    /// With <paramref name="forUpdate"/> the message's row stays locked until the caller's transaction ends.
    /// </summary>
    public async Task<(Message Message, Room Room, RoomMember Caller)?> FindMessageAsMemberAsync(
        Guid messageId, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var query = forUpdate ? Db.Messages.FromSql($"SELECT * FROM messages WHERE id = {messageId} FOR UPDATE") : Db.Messages;
        var message = await query.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || await FindAsMemberAsync(message.RoomId, cancellationToken) is not var (room, caller))
        {
            return null;
        }

        return (message, room, caller);
    }

    /// <summary>Shapes messages of <paramref name="room"/> for the caller.</summary>
    public Task<List<MessageDto>> ShapeAsync(Room room, IReadOnlyList<Message> messages, CancellationToken cancellationToken) =>
        MessageViews.ShapeAsync(Db, room, messages, Options.Value.ReadByDetailMaxMembers, cancellationToken);

    public async Task<MessageDto> ShapeAsync(Room room, Message message, CancellationToken cancellationToken) =>
        (await ShapeAsync(room, [message], cancellationToken))[0];
}
