using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using Xunit;

namespace WebRtcChat.Testing;

/// <summary>
/// Real PostgreSQL, Redis, RabbitMQ, S3 store and SMTP catcher, started through the AppHost's own
/// hosting code on free ports with data in a fresh folder, and stopped at the end. Tests isolate by
/// data: <see cref="CreateDatabaseAsync"/> gives each its own database.
/// </summary>
public class TestInfrastructure : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private DistributedApplication? app;

    public string DataDirectory { get; } = TestFolders.Create("infra");

    public DistributedApplication App => app ?? throw new InvalidOperationException("The infrastructure has not started.");

    public PostgresServerResource Postgres { get; private set; } = null!;

    public RedisResource Redis { get; private set; } = null!;

    public RabbitMQServerResource EventBus { get; private set; } = null!;

    public S3ObjectStoreResource ObjectStore { get; private set; } = null!;

    public MailDevResource Mail { get; private set; } = null!;

    /// <summary>Also start coturn (the AppHost's <c>AddTurnServer</c>), for call tests; see <see cref="Turn"/>.</summary>
    public bool WithTurn { get; init; }

    /// <summary>The TURN/STUN server when <see cref="WithTurn"/> is set.</summary>
    public TurnServerResource? Turn { get; private set; }

    /// <summary><c>Host=…;Port=…;Secret=…</c> of <see cref="Turn"/>, empty without it.</summary>
    public string TurnConnectionString { get; private set; } = string.Empty;

    public string RedisConnectionString { get; private set; } = string.Empty;

    public string EventBusConnectionString { get; private set; } = string.Empty;

    public string ObjectStoreConnectionString { get; private set; } = string.Empty;

    public string MailConnectionString { get; private set; } = string.Empty;

    /// <summary>maildev's REST API (GET /email lists caught mail).</summary>
    public Uri MailApi => new(Mail.HttpEndpoint.Url);

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DisableDashboard = true,
            DataDirectory = DataDirectory,
        });
        Postgres = builder.AddPostgres("postgres").Resource;
        Redis = builder.AddRedis("redis").Resource;
        EventBus = builder.AddRabbitMQ("eventbus").Resource;
        ObjectStore = builder.AddS3ObjectStore("objectstore").Resource;
        Mail = builder.AddMailDev("mail").Resource;
        Turn = WithTurn ? builder.AddTurnServer("turn").Resource : null;
        app = builder.Build();
        await app.StartAsync();
        await WaitUntilHealthyAsync("postgres", "redis", "eventbus", "objectstore", "mail");
        if (Turn is not null)
        {
            await WaitUntilHealthyAsync(Turn.Name);
            TurnConnectionString = await Value(Turn);
        }

        RedisConnectionString = await Value(Redis);
        EventBusConnectionString = await Value(EventBus);
        ObjectStoreConnectionString = await Value(ObjectStore);
        MailConnectionString = await Value(Mail);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        TestFolders.Delete(DataDirectory);
    }

    /// <summary>A new, empty database on the shared server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        var server = await Value(Postgres);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public Task StopAsync(string resource) => App.ResourceCommands.StopAsync(resource);

    public async Task StartAsync(string resource)
    {
        await App.ResourceCommands.StartAsync(resource);
        await WaitUntilHealthyAsync(resource);
    }

    public async Task WaitUntilHealthyAsync(params string[] resources)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        foreach (var resource in resources)
        {
            try
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var snapshot = App.ResourceNotifications.Get(resource);
                var log = string.Join('\n', App.ResourceLogs.GetBacklog(resource).TakeLast(30).Select(l => l.Text));
                throw new TimeoutException($"{resource} did not become healthy within {StartTimeout}: state {snapshot?.State} {snapshot?.StateMessage}, health {snapshot?.HealthStatus} {snapshot?.HealthDescription}\n{log}");
            }
        }
    }

    private static async Task<string> Value(IResourceWithConnectionString resource) =>
        await resource.GetConnectionStringAsync() ?? throw new InvalidOperationException($"{resource.Name} has no connection string.");
}
