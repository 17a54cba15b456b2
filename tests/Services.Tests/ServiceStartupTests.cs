using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.Data;
using WebRtcChat.Testing;

namespace WebRtcChat.Services.Tests;

/// <summary>Each service, hosted on the real stores, starts ready: healthy, documented, its schema migrated.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServiceStartupTests(TestInfrastructure infrastructure)
{
    public static TheoryData<string> DatabaseServices => ["identity", "messaging", "recording", "search", "analytics"];

    public static TheoryData<string> RedisServices => ["presence", "mediasfu"];

    [Theory]
    [MemberData(nameof(DatabaseServices))]
    public async Task A_database_service_starts_healthy_with_its_schema_migrated(string service)
    {
        var database = await infrastructure.CreateDatabaseAsync(service);
        await using var host = ServiceHosts.Create(service, ServiceSettings.For(infrastructure, database, service + "db"));
        using var client = host.CreateClient();

        await AssertHealthyAsync(client, checkedStore: service + "db");
        await AssertOpenApiDocumentAsync(client);
        Assert.Equal(["inbox_messages", "outbox_messages"], await TablesAsync(database, "inbox_messages", "outbox_messages"));
    }

    [Fact]
    public async Task A_service_restarted_on_a_database_one_migration_behind_applies_it_and_on_an_up_to_date_one_finds_nothing_pending()
    {
        var database = await infrastructure.CreateDatabaseAsync("messaging-upgrade");
        var settings = ServiceSettings.For(infrastructure, database, "messagingdb");
        await StartAsync(settings);
        Assert.Empty(await MigrationHistory.PendingAsync<MessagingDbContext>(database, CancellationToken.None));

        // The database as the release before the last migration left it.
        var migrations = MigrationHistory.MigrationIds<MessagingDbContext>();
        await using (var db = new MessagingDbContext(new DbContextOptionsBuilder<MessagingDbContext>().UseNpgsql(database).Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        Assert.Equal([migrations[^1]], await MigrationHistory.PendingAsync<MessagingDbContext>(database, CancellationToken.None));
        Assert.Empty(await TablesAsync(database, "object_cleanups"));

        await StartAsync(settings);
        Assert.Empty(await MigrationHistory.PendingAsync<MessagingDbContext>(database, CancellationToken.None));
        Assert.Equal(["object_cleanups"], await TablesAsync(database, "object_cleanups"));

        async Task StartAsync(Dictionary<string, string> settings)
        {
            await using var host = ServiceHosts.Create("messaging", settings);
            using var client = host.CreateClient();
            await AssertHealthyAsync(client, checkedStore: "messagingdb");
        }
    }

    [Theory]
    [MemberData(nameof(RedisServices))]
    public async Task A_redis_service_starts_healthy(string service)
    {
        await using var host = ServiceHosts.Create(service, ServiceSettings.For(infrastructure, database: string.Empty));
        using var client = host.CreateClient();

        await AssertHealthyAsync(client, checkedStore: "redis");
        await AssertOpenApiDocumentAsync(client);
    }

    /// <summary>Ready means every check passes; the bus connects in the background, so give it a few seconds.</summary>
    private static async Task AssertHealthyAsync(HttpClient client, string checkedStore)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();
            var report = JsonDocument.Parse(body).RootElement;
            Assert.True(report.GetProperty("entries").TryGetProperty(checkedStore, out _), $"/health does not check {checkedStore}: {body}");
            if (response.StatusCode == HttpStatusCode.OK && report.GetProperty("status").GetString() == "Healthy")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health answered {(int)response.StatusCode} for 30 s: {body}");
            await Task.Delay(250);
        }
    }

    private static async Task AssertOpenApiDocumentAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> TablesAsync(string database, params string[] names)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY(@names) ORDER BY table_name", connection);
        query.Parameters.AddWithValue("names", names);
        var tables = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
