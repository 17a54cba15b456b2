using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>The dashboard wired into a real (tiny) AppHost: it starts before the processes and shows them.</summary>
public sealed class AppHostDashboardTests : IDisposable
{
    private readonly string dataDirectory = TestFolders.Create("dashboard");

    [Fact]
    public async Task Processes_are_launched_with_the_bound_otlp_address_and_listed_running_on_the_dashboard()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            Args = ["--Dashboard:Url=http://localhost:0", "--Dashboard:OtlpHttpUrl=http://localhost:0"],
        });
        var launcher = new SleepLauncher();
        builder.AddResource(new Worker("worker")).WithAnnotation(new ProcessLaunchAnnotation(launcher, restartOnExit: false));
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await app.StartAsync(timeout.Token);
        var running = await app.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.Running, timeout.Token);

        var options = app.Services.GetRequiredService<DashboardOptions>();
        Assert.NotEqual(0, options.OtlpHttpUrl.Port);
        Assert.Equal(options.OtlpHttpUrl, launcher.OtlpUrlAtLaunch);
        using var client = new HttpClient { BaseAddress = options.Url };
        var resources = await client.GetFromJsonAsync<JsonElement[]>("/api/resources", timeout.Token);
        var worker = Assert.Single(resources!, r => r.GetProperty("name").GetString() == "worker");
        Assert.Equal("Running", worker.GetProperty("state").GetString());
        Assert.Equal(running.Pid, worker.GetProperty("pid").GetInt32());

        await app.StopAsync(timeout.Token);
    }

    public void Dispose() => TestFolders.Delete(dataDirectory);

    private sealed class Worker(string name) : Resource(name);

    private sealed class SleepLauncher : IProcessLauncher
    {
        private static readonly RequiredBinary Sleep = new("sleep", ["/usr/bin/sleep", "/bin/sleep"], "install coreutils");

        public Uri? OtlpUrlAtLaunch { get; private set; }

        public IReadOnlyList<RequiredBinary> RequiredBinaries => [Sleep];

        public Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
        {
            OtlpUrlAtLaunch = context.Services.GetService<DashboardOptions>()?.OtlpHttpUrl;
            return Task.FromResult(new ProcessSpec(Sleep.Resolve(), ["300"]));
        }
    }
}
