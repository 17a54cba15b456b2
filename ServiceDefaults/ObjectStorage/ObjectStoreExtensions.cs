using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.ObjectStorage;

namespace Microsoft.Extensions.Hosting;

/// <summary>S3-compatible object storage through the Minio SDK.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ObjectStore"/> on <paramref name="bucket"/> of the store at
    /// <c>ConnectionStrings:&lt;connectionName&gt;</c> (<c>Endpoint=http://host:port;AccessKey=..;SecretKey=..</c>, optional
    /// <c>Region</c> and <c>PublicEndpoint</c>), and a health check named <paramref name="connectionName"/> (tag <c>ready</c>).
    /// </summary>
    public static IHostApplicationBuilder AddObjectStore(this IHostApplicationBuilder builder, string connectionName, string bucket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        var values = ConnectionStrings.ParseKeyValues(ConnectionStrings.GetRequired(builder, connectionName));
        var endpoint = new Uri(ConnectionStrings.RequiredKey(values, "Endpoint", connectionName));
        var settings = new ObjectStoreSettings(
            endpoint,
            ConnectionStrings.RequiredKey(values, "AccessKey", connectionName),
            ConnectionStrings.RequiredKey(values, "SecretKey", connectionName),
            values.GetValueOrDefault("Region") is { Length: > 0 } region ? region : ObjectStoreSettings.DefaultRegion,
            bucket,
            values.GetValueOrDefault("PublicEndpoint") is { Length: > 0 } publicEndpoint ? new Uri(publicEndpoint) : null);

        builder.Services.AddSingleton(_ => new ObjectStore(settings));
        builder.Services.AddHealthChecks().Add(new(
            connectionName,
            services => new ObjectStoreHealthCheck(services.GetRequiredService<ObjectStore>()),
            failureStatus: null,
            tags: ["ready"],
            timeout: ObjectStoreHealthCheck.Timeout));
        return builder;
    }
}
