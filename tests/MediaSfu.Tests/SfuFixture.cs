namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// The real stores, Identity issuing tokens, Messaging owning the rooms, MediaSfu asking it about membership, and the
/// gateway in front of them serving the web client (browsers reach everything through it, as users do).
/// </summary>
public sealed class SfuFixture : IAsyncLifetime
{
    /// <summary>Short, so a test sees several quality samples of a call.</summary>
    public static readonly TimeSpan QualitySampleInterval = TimeSpan.FromSeconds(1);

    private readonly TestInfrastructure infrastructure = new();
    private readonly List<IAsyncDisposable> hosts = [];

    public IdentityHost Identity { get; private set; } = null!;

    public MessagingHost Messaging { get; private set; } = null!;

    public ServiceFactory<MediaSfuApp> Sfu { get; private set; } = null!;

    /// <summary>Where <see cref="Sfu"/> listens.</summary>
    public Uri SfuAddress { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>Call events as a consumer on the bus receives them.</summary>
    public CallEventRecorder CallEvents { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Identity = await IdentityHost.StartAsync(infrastructure);
        hosts.Add(Identity);
        Messaging = await MessagingHost.StartAsync(infrastructure, Identity);
        hosts.Add(Messaging);

        CallEvents = await CallEventRecorder.StartAsync(ServiceSettings.For(infrastructure, string.Empty), "sfu-tests-call-events");
        hosts.Add(CallEvents);

        Sfu = new ServiceFactory<MediaSfuApp>(SfuSettings());
        hosts.Add(Sfu);
        var sfuAddress = SfuAddress = Sfu.ListenOnFreePort();

        var (gateway, gatewayAddress) = GatewayHost.Start(
            new Dictionary<string, Uri>(StringComparer.Ordinal)
            {
                ["identity"] = Identity.Address,
                ["messaging"] = Messaging.Address,
                ["mediasfu"] = sfuAddress,
            },
            fallback: sfuAddress);
        hosts.Add(gateway);
        Gateway = gatewayAddress;
    }

    public Task<TestUser> RegisterAsync() => Identity.RegisterAsync();

    /// <summary>What an SFU node is configured with: the stores, Identity to trust, Messaging to ask about rooms.</summary>
    public Dictionary<string, string> SfuSettings()
    {
        var settings = ServiceSettings.For(infrastructure, string.Empty);
        settings["MediaSfu:QualitySampleInterval"] = QualitySampleInterval.ToString();
        Identity.Trust(settings);
        Messaging.Reference(settings);
        return settings;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SfuCollection : ICollectionFixture<SfuFixture>
{
    public const string Name = "sfu";
}
