using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

public static class TurnServerBuilderExtensions
{
    /// <summary>
    /// Adds coturn as a TURN/STUN server on a free port (UDP and TCP), with a <c>static-auth-secret</c> generated once per
    /// data folder, listening on loopback until <see cref="WithListeningIp"/> / <see cref="WithExternalIp"/> say otherwise.
    /// </summary>
    public static IResourceBuilder<TurnServerResource> AddTurnServer(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var secret = builder.AddResource(builder.CreateGeneratedPassword($"{name}-secret")).Resource;
        var turn = new TurnServerResource(name, secret);
        return builder.AddResource(turn)
            .WithAnnotation(new EndpointAnnotation(TurnServerResource.EndpointName, "turn", port, targetPort: TurnServerResource.DefaultPort) { Host = turn.ListeningIp })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/coturn/coturn", "4.6")
            {
                Args = [.. CoturnLauncher.CommonArguments(turn), ReferenceExpression.Create($"--static-auth-secret={secret}"),
                    string.Create(CultureInfo.InvariantCulture, $"--listening-port={TurnServerResource.DefaultPort}"), "--external-ip=$(detect-external-ip)"],
            })
            .WithAnnotation(new ProcessLaunchAnnotation(new CoturnLauncher(turn), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("answers a STUN binding request", ct => StunProbe.BindAsync(turn.PrimaryEndpoint.Annotation.Host, turn.PrimaryEndpoint.Port, ct)));
    }

    /// <summary>Listens (and relays) on <paramref name="ip"/> instead of loopback; null keeps the current one.</summary>
    public static IResourceBuilder<TurnServerResource> WithListeningIp(this IResourceBuilder<TurnServerResource> builder, string? ip)
    {
        if (ip is { Length: > 0 })
        {
            builder.Resource.ListeningIp = ip;
            builder.Resource.PrimaryEndpoint.Annotation.Host = ip;
        }

        return builder;
    }

    /// <summary>The public address clients are given, for a server behind NAT; null or empty means none.</summary>
    public static IResourceBuilder<TurnServerResource> WithExternalIp(this IResourceBuilder<TurnServerResource> builder, string? ip)
    {
        builder.Resource.ExternalIp = ip is { Length: > 0 } ? ip : null;
        return builder;
    }

    public static IResourceBuilder<TurnServerResource> WithRelayPorts(this IResourceBuilder<TurnServerResource> builder, int min, int max)
    {
        if (min < 1024 || max > 65535 || min > max)
        {
            throw new DistributedApplicationException($"{builder.Resource.Name}: the relay port range {min}-{max} must lie within 1024-65535.");
        }

        builder.Resource.RelayPorts = (min, max);
        return builder;
    }
}
