using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Storage;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Rooms;

/// <summary>
/// A change to a group room (settings, members, roles) made by one of its members: a transaction holding the room's row
/// lock, so concurrent changes to the same room apply one after the other. Direct rooms never change.
/// </summary>
internal sealed class GroupChange(IDbContextTransaction transaction, Room room, RoomMember caller) : IAsyncDisposable
{
    public Room Room { get; } = room;

    public RoomMember Caller { get; } = caller;

    /// <summary>The change, or the problem that prevents it: not a member (404), or a direct room (409).</summary>
    public static async Task<(GroupChange? Change, ProblemHttpResult? Problem)> BeginAsync(
        RoomServices services, Guid roomId, CancellationToken cancellationToken)
    {
        var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
        var found = await services.LockAsMemberAsync(roomId, cancellationToken);
        var problem = found is null ? RoomProblems.RoomNotFound()
            : found.Value.Room.Kind == RoomKinds.Direct ? RoomProblems.DirectRoomFixed()
            : null;
        if (problem is not null)
        {
            await transaction.DisposeAsync();
            return (null, problem);
        }

        return (new GroupChange(transaction, found!.Value.Room, found.Value.Caller), null);
    }

    /// <summary>Saves the changes (events included) and commits, releasing the lock.</summary>
    public async Task CommitAsync(RoomServices services, CancellationToken cancellationToken)
    {
        await services.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
