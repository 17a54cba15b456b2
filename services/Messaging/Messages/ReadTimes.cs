using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Messages;

/// <summary>
/// When each member read each message, from their read marks (non-overlapping seq ranges per member): a binary search
/// per reader and message, so a page of a busy room costs O(readers × messages × log marks), not a scan of every mark.
/// </summary>
internal sealed class ReadTimes
{
    private readonly Dictionary<Guid, ReadMark[]> marksByUser;

    public ReadTimes(IEnumerable<ReadMark> marks) =>
        marksByUser = marks.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.FromSeq).ToArray());

    /// <summary>When <paramref name="userId"/> read the message numbered <paramref name="seq"/>, or null without a mark covering it.</summary>
    public DateTimeOffset? Of(Guid userId, long seq)
    {
        if (!marksByUser.TryGetValue(userId, out var marks))
        {
            return null;
        }

        // The last mark starting at or before seq is the only one that can cover it.
        int low = 0, high = marks.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (marks[middle].FromSeq <= seq)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && marks[found].ToSeq >= seq ? marks[found].ReadAt : null;
    }
}
