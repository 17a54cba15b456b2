using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WebRtcChat.ServiceDefaults.Data;

/// <summary>
/// <typeparamref name="TContext"/>'s database for plain Npgsql commands, on a small pool of its own. What a service does
/// while idle (outbox polling, sweeps, key checks) goes through here: the first DbContext a process uses builds the EF
/// model and query pipeline, which stay resident (11-30 MB measured per service), and even asking a DbContext for its
/// connection string builds the model.
/// </summary>
public sealed class NpgsqlDatabase<TContext>(string connectionString) : IDisposable where TContext : DbContext
{
    private const int PoolSize = 3;
    private readonly Lazy<NpgsqlDataSource> dataSource =
        new(() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize }));

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        dataSource.Value.OpenConnectionAsync(cancellationToken);

    public NpgsqlConnection OpenConnection() => dataSource.Value.OpenConnection();

    public void Dispose()
    {
        if (dataSource.IsValueCreated)
        {
            dataSource.Value.Dispose();
        }
    }
}
