using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using StackExchange.Redis;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>The AppHost's hosting code brings up each kind of infrastructure for real.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class InfrastructureTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task PostgreSQL_accepts_queries_with_the_generated_password()
    {
        await using var connection = new NpgsqlConnection(await infrastructure.CreateDatabaseAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        Assert.Equal("postgres", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Redis_requires_its_password()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        await redis.GetDatabase().StringSetAsync("probe", "ok");
        Assert.Equal("ok", (string?)await redis.GetDatabase().StringGetAsync("probe"));

        var withoutPassword = ConfigurationOptions.Parse(infrastructure.RedisConnectionString);
        withoutPassword.Password = null;
        withoutPassword.AbortOnConnectFail = true;
        var refused = await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(withoutPassword));
        Assert.Contains("authentication", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_infrastructure_resource_reports_running_healthy_and_its_pid()
    {
        foreach (var name in new[] { "postgres", "redis", "eventbus", "objectstore", "mail" })
        {
            var snapshot = infrastructure.App.ResourceNotifications.Get(name)!;
            Assert.True(snapshot.IsHealthy, $"{name}: {snapshot.State} {snapshot.HealthStatus} {snapshot.HealthDescription}");
            Assert.NotNull(snapshot.Pid);
            Assert.True(File.Exists($"/proc/{snapshot.Pid}/status"), $"{name} pid {snapshot.Pid} is not alive");
        }
    }

    [Fact]
    public async Task The_mail_catcher_exposes_its_inbox_api()
    {
        using var http = new HttpClient { BaseAddress = infrastructure.MailApi };
        var mails = await http.GetFromJsonAsync<object[]>("/email");
        Assert.NotNull(mails);
    }

    [Fact]
    public void Console_output_of_each_resource_is_captured()
    {
        var lines = infrastructure.App.ResourceLogs.GetBacklog("eventbus");
        Assert.Contains(lines, l => l.Text.Contains("[apphost] started pid", StringComparison.Ordinal));
    }
}
