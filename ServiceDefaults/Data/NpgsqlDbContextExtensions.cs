using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WebRtcChat.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

/// <summary>PostgreSQL through EF Core: the DbContext, a readiness check, Npgsql telemetry and migrations at start-up.</summary>
public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> (scoped) on the <c>ConnectionStrings:&lt;connectionName&gt;</c> database
    /// and <see cref="NpgsqlDatabase{TContext}"/> for plain commands on it,
    /// a health check named <paramref name="connectionName"/> (tag <c>ready</c>) that runs <c>SELECT 1</c>, Npgsql tracing
    /// and metrics, and a hosted service that migrates the database before the web server starts listening.
    /// A context without migrations gets its schema from <c>EnsureCreated</c> instead.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null) where TContext : DbContext
    {
        var connectionString = ConnectionStrings.GetRequired(builder, connectionName);

        builder.Services.AddDbContext<TContext>(options =>
            options.UseNpgsql(connectionString, npgsql => configureNpgsql?.Invoke(npgsql)));
        builder.Services.AddSingleton(_ => new NpgsqlDatabase<TContext>(connectionString));

        builder.Services.AddHealthChecks().Add(new(
            connectionName,
            _ => new NpgsqlHealthCheck(connectionString),
            failureStatus: null,
            tags: ["ready"],
            timeout: NpgsqlHealthCheck.Timeout));

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddNpgsql())
            .WithMetrics(metrics => metrics.AddNpgsqlInstrumentation());

        // Hosted services added by the application start in order, before the web server (appended at Build()).
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(services, connectionString));
        return builder;
    }
}
