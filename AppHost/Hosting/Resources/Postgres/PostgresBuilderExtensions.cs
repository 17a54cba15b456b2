using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aspire.Hosting;

public static class PostgresBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var password = builder.AddResource(builder.CreateGeneratedPassword($"{name}-password")).Resource;
        var server = new PostgresServerResource(name, password);
        return builder.AddResource(server)
            .WithAnnotation(new EndpointAnnotation(PostgresServerResource.EndpointName, "tcp", port, targetPort: 5432) { Host = "127.0.0.1" })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/library/postgres", "15")
            {
                Environment = new Dictionary<string, object>
                {
                    ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
                    ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                    ["POSTGRES_USER"] = PostgresServerResource.UserName,
                    ["POSTGRES_PASSWORD"] = password,
                },
            })
            .WithAnnotation(new ProcessLaunchAnnotation(new PostgresLauncher(server), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("accepts queries", ct => QueryAsync(server.ConnectionStringExpression, ct)));
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases[name] = database.DatabaseName;
        return builder.ApplicationBuilder.AddResource(database)
            .WithAnnotation(new HealthCheckAnnotation("database exists and accepts queries", ct => QueryAsync(database.ConnectionStringExpression, ct)));
    }

    private static async Task<HealthCheckResult> QueryAsync(ReferenceExpression connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(await connectionString.GetValueAsync(cancellationToken)) { Pooling = false, Timeout = 3 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
