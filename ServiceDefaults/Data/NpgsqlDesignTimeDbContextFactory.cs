using Microsoft.EntityFrameworkCore.Design;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Builds a service's DbContext for <c>dotnet ef migrations add</c>: the model needs the provider, not a server,
/// so the connection string is a placeholder and nothing connects.
/// </summary>
public abstract class NpgsqlDesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
