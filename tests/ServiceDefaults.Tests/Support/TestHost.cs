using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>A service under test: a real <see cref="WebApplication"/> with the service defaults, on an in-memory server.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["EventBus:RetryIntervals:0"] = "00:00:00.050",
        ["EventBus:RetryIntervals:1"] = "00:00:00.100",
        ["EventBus:RetryIntervals:2"] = "00:00:00.200",
        ["EventBus:Outbox:PollInterval"] = "00:00:00.500",
        ["EventBus:Outbox:PublishTimeout"] = "00:00:03",
        ["EventBus:Outbox:MaxBackoff"] = "00:00:02",
    };

    private TestHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public HttpClient Client => App.GetTestClient();

    public static async Task<TestHost> StartAsync(
        string applicationName,
        IDictionary<string, string?> connectionStrings,
        Action<WebApplicationBuilder> configure,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = applicationName, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(FastSettings);
        builder.Configuration.AddInMemoryCollection(connectionStrings.ToDictionary(p => $"ConnectionStrings:{p.Key}", p => p.Value));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.AddServiceDefaults();
        configure(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new TestHost(app);
    }

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async Task<HttpStatusCode> HealthAsync() => (await Client.GetAsync(ServiceDefaultsExtensions.HealthPath)).StatusCode;

    /// <summary>Waits until <c>/health</c> answers <paramref name="expected"/> (bus connected, stores reachable).</summary>
    public Task WaitForHealthAsync(HttpStatusCode expected = HttpStatusCode.OK, int seconds = 30) =>
        Eventually.TrueAsync(async () => await HealthAsync() == expected, TimeSpan.FromSeconds(seconds), $"/health never answered {expected}");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
