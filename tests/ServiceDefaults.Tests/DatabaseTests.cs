using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class DatabaseTests(TestInfrastructure infra)
{
    [Fact]
    public async Task The_schema_exists_before_the_service_starts_and_health_follows_the_database()
    {
        await using var host = await TestHost.StartAsync("dbhealth", new Dictionary<string, string?>
        {
            ["testdb"] = await infra.CreateDatabaseAsync("health"),
        }, builder => builder.AddNpgsqlDbContext<TestDbContext>("testdb"));

        Assert.Equal(0, await host.WithDbAsync(db => db.Notes.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, await host.HealthAsync());

        await infra.StopAsync("postgres");
        try
        {
            await host.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable, seconds: 20);
            using var response = await host.Client.GetAsync(new Uri(ServiceDefaultsExtensions.HealthPath, UriKind.Relative));
            Assert.Contains("\"testdb\":{\"status\":\"Unhealthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await infra.StartAsync("postgres");
        }

        await host.WaitForHealthAsync(HttpStatusCode.OK, seconds: 30);
    }
}
