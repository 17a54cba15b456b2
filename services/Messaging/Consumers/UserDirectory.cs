using Microsoft.EntityFrameworkCore;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>Keeps Messaging's copy of a user current; events may arrive in any order, the latest data wins.</summary>
internal static class UserDirectory
{
    public static async Task UpsertAsync(MessagingDbContext db, Guid userId, string userName, string? displayName, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            db.Users.Add(new KnownUser { Id = userId, UserName = userName, DisplayName = displayName });
            return;
        }

        user.UserName = userName;
        user.DisplayName = displayName;
    }
}
