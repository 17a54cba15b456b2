using Microsoft.EntityFrameworkCore;
using WebRtcChat.Messaging.Apis;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Rooms;

/// <summary>Shapes a room for the caller, with each member's name from Messaging's copy of the user directory.</summary>
internal static class RoomViews
{
    public static async Task<RoomDetails> DetailsAsync(RoomServices services, Room room, CancellationToken cancellationToken)
    {
        var ids = room.MemberIds();
        var names = await services.Db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var members = room.Members
            .OrderByDescending(m => RoomRoles.Rank(m.Role)).ThenBy(m => m.JoinedAt)
            .Select(m => new RoomMemberDto(m.UserId, names.GetValueOrDefault(m.UserId)?.UserName, names.GetValueOrDefault(m.UserId)?.DisplayName, m.Role, m.JoinedAt))
            .ToList();
        var callerRole = room.Members.Single(m => m.UserId == services.CallerId).Role;
        return new RoomDetails(
            room.Id, room.Kind, room.Name, room.Topic, room.CreatedBy, room.CreatedAt, room.UpdatedAt, room.LastActivityAt, callerRole, members);
    }
}
