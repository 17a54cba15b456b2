using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Rooms;

/// <summary>A group always keeps an owner while it has members: the longest-serving admin, else the longest-serving member.</summary>
internal static class RoomOwnership
{
    /// <summary>Promotes a successor when no owner is left; returns them, or null when nothing changed.</summary>
    public static RoomMember? HandOnIfOwnerless(Room room)
    {
        if (room.Members.Count == 0 || room.Members.Any(m => m.Role == RoomRoles.Owner))
        {
            return null;
        }

        var successor = room.Members
            .OrderByDescending(m => RoomRoles.Rank(m.Role))
            .ThenBy(m => m.JoinedAt)
            .ThenBy(m => m.UserId)
            .First();
        successor.Role = RoomRoles.Owner;
        return successor;
    }
}
