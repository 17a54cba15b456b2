using Microsoft.Extensions.Diagnostics.HealthChecks;
using Minio.Exceptions;

namespace WebRtcChat.ServiceDefaults.ObjectStorage;

/// <summary>Ready when the store answers and the service's bucket exists (creating it on first success).</summary>
internal sealed class ObjectStoreHealthCheck(ObjectStore store) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.EnsureBucketAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            return await store.BucketExistsAsync(cancellationToken).WaitAsync(Timeout, cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"Bucket '{store.Bucket}' does not exist.");
        }
        catch (Exception exception) when (exception is MinioException or HttpRequestException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The object store is not reachable.", exception);
        }
    }
}
