using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using StackExchange.Redis;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>How the orchestrator keeps resources running, measured on a real Redis.</summary>
public sealed class SupervisionTests : IAsyncLifetime
{
    private readonly string dataDirectory = TestFolders.Create("supervision");
    private DistributedApplication app = null!;
    private RedisResource redis = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, DataDirectory = dataDirectory });
        redis = builder.AddRedis("cache").Resource;
        app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_killed_process_is_restarted_counted_and_healthy_again()
    {
        var before = app.ResourceNotifications.Get("cache")!;
        ProcessGroup.Signal(before.Pid!.Value, ProcessGroup.SIGKILL);

        var after = await WithStateOnTimeoutAsync(app.ResourceNotifications
            .WaitForAsync("cache", s => s.IsHealthy && s.Restarts == 1)
            .WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.NotEqual(before.Pid, after.Pid);
        await using var connection = await ConnectionMultiplexer.ConnectAsync((await redis.GetConnectionStringAsync())!);
        Assert.True(await connection.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5));
    }

    /// <summary>A wait that times out says where the resource got to and what its process and the supervisor last wrote.</summary>
    private async Task<ResourceSnapshot> WithStateOnTimeoutAsync(Task<ResourceSnapshot> wait)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException)
        {
            var now = app.ResourceNotifications.Get("cache");
            var log = string.Join('\n', app.ResourceLogs.GetBacklog("cache").TakeLast(30).Select(l => $"{l.Timestamp:HH:mm:ss.fff} {l.Text}"));
            throw new TimeoutException($"cache: state {now?.State} {now?.StateMessage}, restarts {now?.Restarts}, pid {now?.Pid}, health {now?.HealthStatus} {now?.HealthDescription}\n{log}");
        }
    }

    [Fact]
    public async Task A_stopped_resource_is_not_restarted_until_started_again()
    {
        await app.ResourceCommands.StopAsync("cache");
        var stopped = app.ResourceNotifications.Get("cache")!;
        Assert.Equal("Exited", stopped.State);
        Assert.Null(stopped.Pid);

        await app.ResourceCommands.StartAsync("cache");
        var started = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, started.Restarts);
    }

    [Fact]
    public async Task Stopping_the_application_leaves_no_process_behind()
    {
        var pid = app.ResourceNotifications.Get("cache")!.Pid!.Value;

        await app.StopAsync();

        Assert.False(ProcessGroup.IsAlive(pid), $"process group {pid} is still alive");
        Assert.Equal("Exited", app.ResourceNotifications.Get("cache")!.State);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        TestFolders.Delete(dataDirectory);
    }
}
