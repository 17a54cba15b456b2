using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebRtcChat.Presence.Calls;

/// <summary>Each user's recent calls in Redis, newest first, capped at <see cref="CallOptions.HistoryLimit"/>.</summary>
public sealed class CallHistory(IConnectionMultiplexer redis, IOptions<CallOptions> options)
{
    public Task RecordAsync(CallState ended)
    {
        var db = redis.GetDatabase();
        var limit = options.Value.HistoryLimit;
        return Task.WhenAll(ended.Involved.SelectMany(userId => new Task[]
        {
            db.ListLeftPushAsync(CallKeys.History(userId), JsonSerializer.Serialize(CallRecord.Of(ended, userId))),
            db.ListTrimAsync(CallKeys.History(userId), 0, limit - 1),
        }));
    }

    public async Task<IReadOnlyList<CallRecord>> OfAsync(Guid userId, int take)
    {
        var entries = await redis.GetDatabase().ListRangeAsync(CallKeys.History(userId), 0, take - 1);
        return [.. entries.Select(e => JsonSerializer.Deserialize<CallRecord>(e.ToString())!)];
    }
}
