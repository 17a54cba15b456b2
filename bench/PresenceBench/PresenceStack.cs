using WebRtcChat.Messaging;
using WebRtcChat.Presence.Extensions;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// The real stores, Identity and Messaging in this process (see <see cref="BenchStack"/>), and Presence instances as
/// processes of their own, started per measurement, so their memory and CPU time are theirs alone.
/// </summary>
internal sealed class PresenceStack : BenchServices
{
    private BenchStack stack = null!;
    private Dictionary<string, string> presenceSettings = [];

    public Uri IdentityUrl { get; private set; } = null!;

    public Uri MessagingUrl { get; private set; } = null!;

    /// <summary>Messaging's own database (messagingdb), to wait until it knows the users.</summary>
    public string MessagingDatabase { get; private set; } = string.Empty;

    /// <summary>A Presence instance on the shared Redis and RabbitMQ, with or without the Redis backplane.</summary>
    public Task<ServiceProcess> StartPresenceAsync(bool backplane) =>
        ServiceProcess.StartAsync("Presence", new Dictionary<string, string>(presenceSettings, StringComparer.Ordinal)
        {
            [PresenceExtensions.BackplaneEnabledKey] = backplane ? "true" : "false",
        });

    /// <summary>A gateway in front of Identity, Messaging and the Presence instance at <paramref name="presence"/>.</summary>
    public Uri StartGateway(Uri presence) => stack.StartGateway(
        new Dictionary<string, Uri>(StringComparer.Ordinal) { ["identity"] = IdentityUrl, ["messaging"] = MessagingUrl, ["presence"] = presence },
        IdentityUrl);

    protected override async Task StartServicesAsync(BenchStack stack)
    {
        this.stack = stack;
        (_, IdentityUrl) = await stack.StartIdentityAsync();
        var (settings, database) = await stack.SettingsWithDatabaseAsync("messagingdb");
        BenchStack.TrustIdentity(settings, IdentityUrl);
        MessagingDatabase = database;
        (_, MessagingUrl) = stack.Start(new ServiceFactory<MessagingApp>(settings));
        presenceSettings = ServiceSettings.For(stack.Infrastructure, string.Empty);
        BenchStack.TrustIdentity(presenceSettings, IdentityUrl);
    }
}
