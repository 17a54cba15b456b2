using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Counts login attempts per account and per client address in Redis (a fixed window per key, started by its first
/// attempt). Login names are hashed in the keys, so Redis holds no email addresses. If Redis cannot be reached the
/// attempt is allowed and a warning logged: the limit is defence in depth, lockout still guards the passwords.
/// </summary>
public sealed partial class LoginRateLimiter(IConnectionMultiplexer redis, IOptions<LoginRateLimitOptions> options, ILogger<LoginRateLimiter> logger)
{
    private const string KeyPrefix = "identity:login-attempts:";

    // INCR, start the window on the first hit, answer the count and the window's remaining milliseconds.
    private static readonly LuaScript Increment = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) " +
        "if n == 1 then redis.call('PEXPIRE', @key, @window) end " +
        "local ttl = redis.call('PTTL', @key) " +
        "if ttl < 0 then redis.call('PEXPIRE', @key, @window) ttl = tonumber(@window) end " +
        "return { n, ttl }");

    /// <summary>Counts one attempt; null when it may go ahead, else how long until the exhausted window ends.</summary>
    public async Task<TimeSpan?> TryAttemptAsync(string login, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(login);
        var limits = options.Value;
        try
        {
            var account = await CountAsync("account:" + Hash(login.Trim().ToUpperInvariant()), limits.PerAccount);

            // No address (an in-process host): there is nothing to attribute the attempt to.
            var address = client is null ? null : await CountAsync("ip:" + (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client), limits.PerIp);
            return Max(account, address);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, exception);
            return null;
        }
    }

    private async Task<TimeSpan?> CountAsync(string key, RateWindow limit)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Increment, new { key = (RedisKey)(KeyPrefix + key), window = (long)limit.Window.TotalMilliseconds }))!;
        return (long)result[0] > limit.PermitLimit ? TimeSpan.FromMilliseconds((long)result[1]) : null;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    [LoggerMessage(EventId = 4300, Level = LogLevel.Warning, Message = "Redis is unavailable; login attempts are not rate limited")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
