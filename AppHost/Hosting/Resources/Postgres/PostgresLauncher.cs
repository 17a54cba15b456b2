using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>
/// Runs Debian's PostgreSQL: initdb on first start (password auth over TCP only), the server as the
/// <c>postgres</c> user when the AppHost is root, and the declared databases created once it is up.
/// </summary>
internal sealed class PostgresLauncher(PostgresServerResource server) : IProcessLauncher
{
    private const string SystemUser = "postgres";
    private static readonly RequiredBinary Postgres = new(
        "postgres: the PostgreSQL server", ["/usr/lib/postgresql/*/bin/postgres"], "install it with: sudo apt-get install -y postgresql");

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [Postgres];

    public async Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var binaries = Path.GetDirectoryName(Postgres.Resolve())!;
        var dataDirectory = Path.Combine(context.DataDirectory, "data");
        var runAs = ProcessGroup.IsRoot ? SystemUser : null;
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(context, binaries, dataDirectory, runAs, cancellationToken);
        }

        var port = server.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        return new ProcessSpec(Path.Combine(binaries, "postgres"),
        [
            "-D", dataDirectory,
            "-p", port,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
            "-c", "shared_buffers=64MB",
            "-c", "log_min_messages=warning",
        ])
        {
            User = runAs,
            WorkingDirectory = context.DataDirectory,
            StopSignal = ProcessGroup.SIGINT,
        };
    }

    public async Task OnHealthyAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                context.Log($"[apphost] created database {database}");
            }
        }
    }

    private async Task InitializeAsync(LaunchContext context, string binaries, string dataDirectory, string? runAs, CancellationToken cancellationToken)
    {
        context.Logger.LogInformation("Initialising PostgreSQL data in {DataDirectory}", dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(context.DataDirectory, ".pwfile");
        await File.WriteAllTextAsync(passwordFile, server.PasswordParameter.Value, cancellationToken);
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", ["-R", $"{runAs}:{runAs}", context.DataDirectory], null, context, cancellationToken);
            }

            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", dataDirectory, "-U", PostgresServerResource.UserName, $"--pwfile={passwordFile}",
                 "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                runAs, context, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments, string? runAs, LaunchContext context, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(runAs is null ? fileName : "setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = context.DataDirectory,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { $"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", fileName })
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            context.Log(line);
        }

        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{context.Resource.Name}: {Path.GetFileName(fileName)} failed with exit code {process.ExitCode}; see its console log. {await errors}".Trim());
        }
    }
}
