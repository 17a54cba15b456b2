namespace WebRtcChat.Identity.Model;

/// <summary>A user's activity counters (the seed's <c>stats</c>), kept from <c>CallEnded</c> and <c>MessageSent</c> events.</summary>
public sealed class UserStats
{
    public long TotalCalls { get; set; }

    /// <summary>Seconds spent in calls.</summary>
    public long TotalCallDuration { get; set; }

    public long MessagesCount { get; set; }

    public long FilesShared { get; set; }
}
