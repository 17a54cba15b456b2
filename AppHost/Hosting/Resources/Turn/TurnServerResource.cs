using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// A TURN/STUN server (coturn) with the TURN REST API's shared secret: services that reference it get
/// <c>ConnectionStrings__{name}</c> = <c>Host=…;Port=…;Secret=…</c> and hand clients time-limited credentials signed with it.
/// </summary>
public sealed class TurnServerResource(string name, ParameterResource secret) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string EndpointName = "turn";
    public const int DefaultPort = 3478;

    public ParameterResource SecretParameter { get; } = secret;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>The address coturn listens on (and relays from); loopback unless configured.</summary>
    public string ListeningIp { get; set; } = "127.0.0.1";

    /// <summary>The public address clients reach it at when it runs behind NAT (coturn's <c>external-ip</c>); null when it is reachable directly.</summary>
    public string? ExternalIp { get; set; }

    /// <summary>The UDP ports relay allocations take.</summary>
    public (int Min, int Max) RelayPorts { get; set; } = (49152, 65535);

    /// <summary>The host clients are told: the external address when there is one.</summary>
    public string PublicHost => ExternalIp ?? ListeningIp;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PublicHost};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Secret={SecretParameter}");
}
