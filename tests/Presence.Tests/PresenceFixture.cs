using WebRtcChat.Messaging;

namespace WebRtcChat.Presence.Tests;

/// <summary>
/// The real stores, Identity issuing tokens, Messaging producing chat events, and two Presence instances on real ports
/// sharing Redis (the backplane) and RabbitMQ: what one instance consumes reaches users connected to the other.
/// </summary>
public sealed class PresenceFixture : IAsyncLifetime
{
    /// <summary>Short, so a test sees an indicator expire.</summary>
    public static readonly TimeSpan TypingTtl = TimeSpan.FromSeconds(1.5);

    /// <summary>Short, so a test sees a crashed instance's connection expire.</summary>
    public static readonly TimeSpan ConnectionTtl = TimeSpan.FromSeconds(3);

    /// <summary>Short, so a test sees an unanswered call time out; shorter than <see cref="CallLeaveGrace"/>.</summary>
    public static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long a participant whose connection closed stays in the call.</summary>
    public static readonly TimeSpan CallLeaveGrace = TimeSpan.FromSeconds(5);

    private readonly TestInfrastructure infrastructure = new() { WithTurn = true };
    private readonly List<IAsyncDisposable> hosts = [];

    public IdentityHost Identity { get; private set; } = null!;

    public MessagingHost MessagingHost { get; private set; } = null!;

    public ServiceFactory<MessagingApp> Messaging => MessagingHost.Factory;

    /// <summary>The two Presence instances' base addresses.</summary>
    public IReadOnlyList<Uri> Instances { get; private set; } = [];

    /// <summary>The configuration the Presence instances run with (to start another one).</summary>
    public IReadOnlyDictionary<string, string> PresenceSettings { get; private set; } = new Dictionary<string, string>();

    /// <summary>Call events as a consumer on the bus receives them.</summary>
    public CallEventRecorder CallEvents { get; private set; } = null!;

    public TestInfrastructure Infrastructure => infrastructure;

    /// <summary>The two Presence instances' services (to act as a third instance that crashed, through the shared store).</summary>
    public IReadOnlyList<IServiceProvider> InstanceServices { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Identity = await IdentityHost.StartAsync(infrastructure);
        hosts.Add(Identity);

        MessagingHost = await MessagingHost.StartAsync(infrastructure, Identity);
        hosts.Add(MessagingHost);
        CallEvents = await CallEventRecorder.StartAsync(ServiceSettings.For(infrastructure, string.Empty), "presence-tests-call-events");
        hosts.Add(CallEvents);

        var presenceSettings = ServiceSettings.For(infrastructure, string.Empty);
        Identity.Trust(presenceSettings);
        presenceSettings["Presence:Typing:Ttl"] = TypingTtl.ToString();
        presenceSettings["Presence:Typing:Throttle"] = "00:00:00.500";
        presenceSettings["Presence:HeartbeatInterval"] = "00:00:00.500";
        presenceSettings["Presence:ConnectionTtl"] = ConnectionTtl.ToString();
        presenceSettings["Presence:OfflineGrace"] = "00:00:01";
        presenceSettings["Presence:Calls:RingTimeout"] = RingTimeout.ToString();
        presenceSettings["Presence:Calls:LeaveGrace"] = CallLeaveGrace.ToString();
        presenceSettings["Presence:Calls:SweepInterval"] = "00:00:00.200";
        PresenceSettings = presenceSettings;
        var instances = new List<Uri>();
        var services = new List<IServiceProvider>();
        for (var i = 0; i < 2; i++)
        {
            var presence = new ServiceFactory<PresenceApp>(presenceSettings);
            hosts.Add(presence);
            instances.Add(presence.ListenOnFreePort());
            services.Add(presence.Services);
        }

        Instances = instances;
        InstanceServices = services;
    }

    public Task<TestUser> RegisterAsync() => Identity.RegisterAsync();

    public Task<Guid> CreateGroupAsync(TestUser owner, params TestUser[] members) => MessagingHost.CreateGroupAsync(owner, members);

    public Task<Guid> SendAsync(TestUser sender, Guid roomId, string content) => MessagingHost.SendAsync(sender, roomId, content);

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
public sealed class PresenceCollection : ICollectionFixture<PresenceFixture>
{
    public const string Name = "presence";
}
