using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard;
using Aspire.Hosting.Dashboard.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>
/// The dashboard alone, hosted the way the AppHost hosts it (AddDashboard on a host), on free ports,
/// with the model services it reads and a command service that records what it was asked.
/// </summary>
internal sealed class DashboardHarness : IAsyncDisposable
{
    private readonly IHost host;

    private DashboardHarness(IHost host)
    {
        this.host = host;
        Options = host.Services.GetRequiredService<DashboardOptions>();
        Client = new HttpClient { BaseAddress = Options.Url, Timeout = TimeSpan.FromSeconds(15) };
    }

    public DashboardOptions Options { get; }

    public HttpClient Client { get; }

    public ResourceNotificationService Notifications => host.Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService Logs => host.Services.GetRequiredService<ResourceLoggerService>();

    public TelemetryStore Telemetry => host.Services.GetRequiredService<TelemetryStore>();

    public RecordingCommandService Commands => (RecordingCommandService)host.Services.GetRequiredService<IResourceCommandService>();

    public static async Task<DashboardHarness> StartAsync(string url = "http://localhost:0", string otlpUrl = "http://localhost:0")
    {
        var host = Build(url, otlpUrl);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await ((IAsyncDisposable)host).DisposeAsync();
            throw;
        }

        return new DashboardHarness(host);
    }

    public static IHost Build(string url, string otlpUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Dashboard:Url"] = url;
        builder.Configuration["Dashboard:OtlpHttpUrl"] = otlpUrl;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ResourceNotificationService>();
        builder.Services.AddSingleton<ResourceLoggerService>();
        builder.Services.AddSingleton<IResourceCommandService, RecordingCommandService>();
        builder.Services.AddDashboard(builder.Configuration);
        return builder.Build();
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Client.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Polls <paramref name="path"/> until <paramref name="ready"/> holds (telemetry arrives asynchronously).</summary>
    public async Task<JsonElement> GetJsonWhenAsync(string path, Func<JsonElement, bool> ready, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var json = await GetJsonAsync(path);
            if (ready(json) || DateTimeOffset.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }
}

internal sealed class RecordingCommandService : IResourceCommandService
{
    private readonly List<string> received = [];

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    public Task StartAsync(string resourceName, CancellationToken cancellationToken = default) => Record("start", resourceName);

    public Task StopAsync(string resourceName, CancellationToken cancellationToken = default) => Record("stop", resourceName);

    public Task RestartAsync(string resourceName, CancellationToken cancellationToken = default) => Record("restart", resourceName);

    private Task Record(string command, string resourceName)
    {
        lock (received)
        {
            received.Add($"{command} {resourceName}");
        }

        return Task.CompletedTask;
    }
}
