using StackExchange.Redis;

namespace WebRtcChat.Presence.Calls;

/// <summary>Where calls live in Presence's Redis.</summary>
internal static class CallKeys
{
    /// <summary>Call ids scored by when their ringing times out (unix ms); any instance claims a due one.</summary>
    public static readonly RedisKey RingDeadlines = "presence:calls:ring-deadlines";

    /// <summary>"callId|userId|connectionId" scored by when a participant whose connection closed counts as gone.</summary>
    public static readonly RedisKey LeaveDeadlines = "presence:calls:leave-deadlines";

    /// <summary>The call's state (JSON).</summary>
    public static RedisKey Call(Guid callId) => $"presence:call:{callId:N}";

    /// <summary>The one call a user takes part in.</summary>
    public static RedisKey CallOf(Guid userId) => $"presence:call-of:{userId:N}";

    /// <summary>The calls ringing for a user.</summary>
    public static RedisKey RingingFor(Guid userId) => $"presence:calls-ringing:{userId:N}";

    /// <summary>The live call of a room.</summary>
    public static RedisKey RoomCall(Guid roomId) => $"presence:room-call:{roomId:N}";

    public static RedisKey History(Guid userId) => $"presence:call-history:{userId:N}";
}
