using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>Moves a member's read and delivery positions forward (never back), recording when each stretch was read.</summary>
internal static class ReadPositions
{
    /// <summary>Marks the room read up to <paramref name="seq"/> (and so delivered); false when it already was.</summary>
    public static bool AdvanceRead(MessagingDbContext db, RoomMember member, long seq, DateTimeOffset now)
    {
        AdvanceDelivered(member, seq);
        if (seq <= member.LastReadSeq)
        {
            return false;
        }

        db.ReadMarks.Add(new ReadMark { RoomId = member.RoomId, UserId = member.UserId, FromSeq = member.LastReadSeq + 1, ToSeq = seq, ReadAt = now });
        member.LastReadSeq = seq;
        return true;
    }

    /// <summary>Marks the room delivered up to <paramref name="seq"/>; false when it already was.</summary>
    public static bool AdvanceDelivered(RoomMember member, long seq)
    {
        if (seq <= member.LastDeliveredSeq)
        {
            return false;
        }

        member.LastDeliveredSeq = seq;
        return true;
    }
}
