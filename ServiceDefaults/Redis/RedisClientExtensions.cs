using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebRtcChat.ServiceDefaults.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Redis through StackExchange.Redis.</summary>
public static class RedisClientExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (it keeps reconnecting in the background rather than failing start-up) and a <c>PING</c> health check
    /// named <paramref name="connectionName"/> (tag <c>ready</c>).
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var options = ConfigurationOptions.Parse(ConnectionStrings.GetRequired(builder, connectionName));
        options.AbortOnConnectFail = false;
        options.ClientName ??= builder.Environment.ApplicationName;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().Add(new(
            connectionName,
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
            failureStatus: null,
            tags: ["ready"],
            timeout: RedisHealthCheck.Timeout));
        return builder;
    }
}
