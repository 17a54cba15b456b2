using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Aspire.Hosting;

public static class RedisBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var password = builder.AddResource(builder.CreateGeneratedPassword($"{name}-password")).Resource;
        var redis = new RedisResource(name, password);
        return builder.AddResource(redis)
            .WithAnnotation(new EndpointAnnotation(RedisResource.EndpointName, "tcp", port, targetPort: 6379) { Host = "127.0.0.1" })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/library/redis", "7.0")
            {
                Entrypoint = "/bin/sh",
                Args = ["-c", "redis-server --requirepass $REDIS_PASSWORD"],
                Environment = new Dictionary<string, object> { ["REDIS_PASSWORD"] = password },
            })
            .WithAnnotation(new ProcessLaunchAnnotation(new RedisLauncher(redis), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("answers PING", ct => PingAsync(redis, ct)));
    }

    private static async Task<HealthCheckResult> PingAsync(RedisResource redis, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(await redis.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? string.Empty);
        options.ConnectTimeout = 2000;
        options.AbortOnConnectFail = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
