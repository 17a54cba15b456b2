using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

public static class S3ObjectStoreBuilderExtensions
{
    // s3rver accepts only its built-in key pair.
    private const string S3rverKey = "S3RVER";

    public static IResourceBuilder<S3ObjectStoreResource> AddS3ObjectStore(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var accessKey = builder.AddResource(new ParameterResource($"{name}-access-key", secret: true,
            () => builder.Configuration[$"Parameters:{name}-access-key"] ?? S3rverKey)
        { IsGenerated = true }).Resource;
        var secretKey = builder.AddResource(new ParameterResource($"{name}-secret-key", secret: true,
            () => builder.Configuration[$"Parameters:{name}-secret-key"] ?? S3rverKey)
        { IsGenerated = true }).Resource;
        var store = new S3ObjectStoreResource(name, accessKey, secretKey);
        return builder.AddResource(store)
            .WithAnnotation(new EndpointAnnotation(S3ObjectStoreResource.EndpointName, "http", port, targetPort: 9000) { Host = "127.0.0.1" })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/minio/minio", "RELEASE.2025-09-07T16-13-09Z")
            {
                Args = ["server", "/data"],
                Environment = new Dictionary<string, object>
                {
                    ["MINIO_ROOT_USER"] = accessKey,
                    ["MINIO_ROOT_PASSWORD"] = secretKey,
                },
            })
            .WithAnnotation(new ProcessLaunchAnnotation(new S3rverLauncher(store, builder.AppHostDirectory), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("answers S3 requests", ct => HttpProbe.GetAsync(store.PrimaryEndpoint.Url + "/", ct)));
    }
}

internal static class HttpProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static async Task<HealthCheckResult> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"GET {url} answered {(int)response.StatusCode}");
    }
}
