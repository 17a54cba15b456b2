namespace WebRtcChat.Gateway.Tests.Infrastructure;

/// <summary>
/// Starts once per run: one <see cref="Backend"/> per service and the gateway in front of them, with limits
/// low enough to test (a strict limit of 3 on credential endpoints, 5 per user, a 1 KB body cap, a 1 s
/// activity timeout on the search cluster). 127.0.0.1 is a trusted proxy, so a test picks its client IP with
/// X-Forwarded-For and stays out of other tests' rate-limit partitions.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://chat.example.test";
    public const int CredentialLimit = 3;
    public const int PerUserLimit = 5;
    public const int DefaultMaxBytes = 1024;
    public const int UploadMaxBytes = 64 * 1024;

    public static readonly string[] ServiceNames = ["identity", "messaging", "presence", "mediasfu", "recording", "search", "analytics"];

    private int _nextClientIp;

    public Dictionary<string, Backend> Backends { get; } = [];

    public GatewayHost Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client IP no other test uses (TEST-NET-2), for X-Forwarded-For.</summary>
    public string NewClientIp()
    {
        var next = Interlocked.Increment(ref _nextClientIp);
        return $"198.51.{100 + (next / 250)}.{(next % 250) + 1}";
    }

    /// <summary>The gateway settings for these backends, as the AppHost would pass them plus the test limits.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimiting:PerIp:PermitLimit"] = "100000",
            ["Gateway:RateLimiting:PerUser:PermitLimit"] = PerUserLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimiting:Credentials:PermitLimit"] = CredentialLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RequestBodyLimits:DefaultMaxBytes"] = DefaultMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RequestBodyLimits:UploadMaxBytes"] = UploadMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:Cors:AllowedOrigins:0"] = AllowedOrigin,
            ["Gateway:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Gateway:HealthChecks:Timeout"] = "00:00:02",
            ["ReverseProxy:Clusters:search:HttpRequest:ActivityTimeout"] = "00:00:01",
        };
        foreach (var (service, backend) in Backends)
        {
            settings[$"services:{service}:http:0"] = backend.Address.ToString().TrimEnd('/');
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(ServiceNames.Select(Backend.StartAsync));
        foreach (var backend in started)
        {
            Backends[backend.Service] = backend;
        }

        Gateway = GatewayHost.Start(Settings());
        Client = Gateway.CreateNetworkClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        foreach (var backend in Backends.Values)
        {
            await backend.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
