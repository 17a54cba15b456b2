using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.EventBus;

namespace Microsoft.Extensions.Hosting;

/// <summary>The event bus: MassTransit on RabbitMQ.</summary>
public static class EventBusExtensions
{
    /// <summary>
    /// Connects MassTransit to the RabbitMQ broker at <c>ConnectionStrings:&lt;connectionName&gt;</c> (an amqp URI).
    /// Receive endpoints are kebab-case and prefixed with this service's name (<c>search-message-sent</c>), so every
    /// service has its own queue per event. Failing messages are retried (<see cref="EventBusOptions.RetryIntervals"/>)
    /// and then moved to <c>&lt;queue&gt;_error</c>. The bus health check is tagged <c>ready</c>.
    /// <paramref name="configure"/> adds the consumers.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var broker = new Uri(ConnectionStrings.GetRequired(builder, connectionName));
        if (broker.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"Connection string 'ConnectionStrings:{connectionName}' must be an amqp:// URI.");
        }

        var retryIntervals = RetryIntervals(builder.Configuration);
        var prefix = ServiceName(builder.Environment.ApplicationName);

        builder.Services.AddMassTransit(bus =>
        {
            // A self-hosted platform does not report to MassTransit's usage-tracking service (nor can it reach it offline).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            bus.AddConfigureEndpointsCallback((_, endpoint) => endpoint.UseMessageRetry(retry => retry.Intervals(retryIntervals)));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), VirtualHost(broker), host =>
                {
                    var (user, password) = Credentials(broker);
                    host.Username(user);
                    host.Password(password);
                    if (broker.Scheme == "amqps")
                    {
                        host.UseSsl(ssl => ssl.ServerName = broker.Host);
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName))
            .WithMetrics(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
        return builder;
    }

    /// <summary>The queue prefix for a service: its application name, lower-case, dots as dashes.</summary>
    public static string ServiceName(string applicationName) =>
        applicationName.Replace('.', '-').ToLowerInvariant();

    private static TimeSpan[] RetryIntervals(IConfiguration configuration)
    {
        var options = new EventBusOptions();
        configuration.GetSection(EventBusOptions.Section).Bind(options);
        return options.RetryIntervals.Count > 0 ? [.. options.RetryIntervals] : EventBusOptions.DefaultRetryIntervals;
    }

    private static string VirtualHost(Uri broker)
    {
        var path = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        var parts = broker.UserInfo.Split(':', 2);
        return parts[0].Length == 0
            ? ("guest", "guest")
            : (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }
}
