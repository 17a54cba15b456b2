using System.Diagnostics;
using Aspire.Hosting.Orchestration;
using WebRtcChat.Bench;
using WebRtcChat.Gateway;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Two SFU nodes, each its own process (so one can be killed), behind a gateway that discovers both as the mediasfu
/// cluster (<c>services:mediasfu:http:0</c> and <c>:1</c>) and probes them often. Heartbeats are fast, so a lost node is
/// noticed in seconds.
/// </summary>
public sealed class SfuCluster : IAsyncDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(3);

    private readonly ServiceFactory<GatewayApp> gateway;

    private SfuCluster(IReadOnlyDictionary<string, ServiceProcess> nodes, ServiceFactory<GatewayApp> gateway, Uri gatewayUrl)
    {
        Nodes = nodes;
        this.gateway = gateway;
        GatewayUrl = gatewayUrl;
    }

    /// <summary>The nodes by name (each run names them afresh: they share the test run's Redis with other tests' nodes).</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Nodes { get; }

    public Uri GatewayUrl { get; }

    public static async Task<SfuCluster> StartAsync(SfuFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var names = new[] { $"node-a-{suffix}", $"node-b-{suffix}" };
        var nodes = await Task.WhenAll(names.Select(name => ServiceProcess.StartAsync("MediaSfu", new Dictionary<string, string>(fixture.SfuSettings(), StringComparer.Ordinal)
        {
            ["MediaSfu:Node"] = name,
            ["MediaSfu:HeartbeatInterval"] = Heartbeat.ToString(),
            ["MediaSfu:NodeExpiry"] = Expiry.ToString(),
        })));
        var settings = GatewayHost.Settings(
            new Dictionary<string, Uri>(StringComparer.Ordinal)
            {
                ["identity"] = fixture.Identity.Address,
                ["messaging"] = fixture.Messaging.Address,
                ["mediasfu"] = nodes[0].Url,
            },
            fallback: nodes[0].Url);
        settings["services:mediasfu:http:1"] = nodes[1].Url.AbsoluteUri.TrimEnd('/');
        settings["ReverseProxy:Clusters:mediasfu:HealthCheck:Active:Interval"] = Heartbeat.ToString();
        var host = new ServiceFactory<GatewayApp>(settings);
        return new SfuCluster(names.Zip(nodes).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal), host, host.ListenOnFreePort());
    }

    public HttpClient GatewayClient() => new() { BaseAddress = GatewayUrl };

    /// <summary>Kills <paramref name="name"/>'s process outright (SIGKILL): no graceful stop, its registration just expires.</summary>
    public async Task KillAsync(string name)
    {
        using var process = Process.GetProcessById(Nodes[name].Pid);
        Assert.True(ProcessGroup.SignalProcess(process.Id, ProcessGroup.SIGKILL), $"could not kill {name}");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await gateway.DisposeAsync();
        foreach (var node in Nodes.Values)
        {
            await node.DisposeAsync();
        }
    }
}
