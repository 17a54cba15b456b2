using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(20);

    /// <summary>Short, so a test sees an unanswered call time out; shorter than <see cref="CallLeaveGrace"/>.</summary>
    public static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long a participant whose connection closed stays in the call.</summary>
    public static readonly TimeSpan CallLeaveGrace = TimeSpan.FromSeconds(5);

    private readonly TestInfrastructure infrastructure = new() { WithTurn = true };
    private readonly List<IAsyncDisposable> hosts = [];

    public IdentityHost Identity { get; private set; } = null!;

    public ServiceFactory<MessagingApp> Messaging { get; private set; } = null!;

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

        var messagingSettings = ServiceSettings.For(infrastructure, await infrastructure.CreateDatabaseAsync("messaging"), "messagingdb");
        Identity.Trust(messagingSettings);
        Messaging = new ServiceFactory<MessagingApp>(messagingSettings);
        hosts.Add(Messaging);
        CallEvents = await CallEventRecorder.StartAsync(ServiceSettings.For(infrastructure, string.Empty));
        hosts.Add(CallEvents);

        // Started now, so its queues exist before the first user registers (an event with no queue bound is not kept).
        using (var client = Messaging.CreateClient())
        using (var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative)))
        {
            alive.EnsureSuccessStatusCode();
        }

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

    /// <summary>
    /// Creates a group room of <paramref name="owner"/> with <paramref name="members"/> and returns its id, retrying
    /// while Messaging has not yet learnt of a new member from Identity's event (it answers 400 "No such users").
    /// </summary>
    public async Task<Guid> CreateGroupAsync(TestUser owner, params TestUser[] members)
    {
        using var http = Messaging.CreateClient();
        var deadline = DateTime.UtcNow + DirectoryWait;
        while (true)
        {
            using var response = await http.SendAsync(owner.Request(
                HttpMethod.Post, "/api/rooms", JsonContent.Create(new { type = "group", name = "presence test", memberIds = members.Select(m => m.Id) })));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            }

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "Messaging never learnt of the room's members.");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends a text message over Messaging's REST API and returns its id.</summary>
    public async Task<Guid> SendAsync(TestUser sender, Guid roomId, string content)
    {
        using var http = Messaging.CreateClient();
        using var response = await http.SendAsync(sender.Request(HttpMethod.Post, "/api/messages/send", JsonContent.Create(new { roomId, content })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
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
public sealed class PresenceCollection : ICollectionFixture<PresenceFixture>
{
    public const string Name = "presence";
}
