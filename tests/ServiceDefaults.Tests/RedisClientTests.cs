using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class RedisClientTests(TestInfrastructure infra)
{
    [Fact]
    public async Task The_redis_client_is_healthy_and_works()
    {
        await using var host = await TestHost.StartAsync("cache", new Dictionary<string, string?>
        {
            ["redis"] = infra.RedisConnectionString,
        }, builder => builder.AddRedisClient("redis"));

        Assert.Equal(HttpStatusCode.OK, await host.HealthAsync());
        var body = await host.Client.GetStringAsync(new Uri(ServiceDefaultsExtensions.HealthPath, UriKind.Relative));
        Assert.Contains("\"redis\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);

        var redis = host.App.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = $"test:{Guid.NewGuid():N}";
        await redis.StringSetAsync(key, "value", TimeSpan.FromMinutes(1));
        Assert.Equal("value", (string?)await redis.StringGetAsync(key));
    }
}
