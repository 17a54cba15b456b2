using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Aspire.Hosting;

public static class RabbitMQBuilderExtensions
{
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var userName = builder.AddResource(new ParameterResource($"{name}-username", secret: false,
            () => builder.Configuration[$"Parameters:{name}-username"] ?? "guest")
        { ManifestDefault = "guest" }).Resource;
        var password = builder.AddResource(builder.CreateGeneratedPassword($"{name}-password")).Resource;
        var rabbit = new RabbitMQServerResource(name, userName, password);
        return builder.AddResource(rabbit)
            .WithAnnotation(new EndpointAnnotation(RabbitMQServerResource.EndpointName, "tcp", port, targetPort: 5672) { Host = "127.0.0.1" })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/library/rabbitmq", "3.10")
            {
                Environment = new Dictionary<string, object>
                {
                    ["RABBITMQ_DEFAULT_USER"] = userName,
                    ["RABBITMQ_DEFAULT_PASS"] = password,
                },
            })
            .WithAnnotation(new ProcessLaunchAnnotation(new RabbitMQLauncher(rabbit), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("accepts an AMQP connection", ct => ConnectAsync(rabbit, ct)));
    }

    private static async Task<HealthCheckResult> ConnectAsync(RabbitMQServerResource rabbit, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(await rabbit.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? string.Empty),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
