using WebRtcChat.Messaging;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Messaging;

/// <summary>The real stores, then Identity, Messaging (trusting Identity's tokens) and the gateway in front of both (see <see cref="BenchStack"/>).</summary>
internal sealed class MessagingStack : BenchServices
{
    public Uri IdentityUrl { get; private set; } = null!;

    public Uri MessagingUrl { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>A second Messaging on the same database that lists no readers (only counts), to price the <c>readBy</c> lists.</summary>
    public Uri CountsOnlyMessagingUrl { get; private set; } = null!;

    /// <summary>Messaging's own database (messagingdb), for seeding, counting and query plans.</summary>
    public string MessagingDatabase { get; private set; } = string.Empty;

    protected override async Task StartServicesAsync(BenchStack stack)
    {
        (_, IdentityUrl) = await stack.StartIdentityAsync();
        var (settings, database) = await stack.SettingsWithDatabaseAsync("messagingdb");
        BenchStack.TrustIdentity(settings, IdentityUrl);
        MessagingDatabase = database;
        (_, MessagingUrl) = stack.Start(new ServiceFactory<MessagingApp>(settings));
        (_, CountsOnlyMessagingUrl) = stack.Start(new ServiceFactory<MessagingApp>(new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["Messaging:ReadByDetailMaxMembers"] = "0",
        }));
        GatewayUrl = stack.StartGateway(
            new Dictionary<string, Uri>(StringComparer.Ordinal) { ["identity"] = IdentityUrl, ["messaging"] = MessagingUrl }, IdentityUrl);
    }
}
