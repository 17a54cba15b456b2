using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebRtcChat.Gateway.Health;

/// <summary>One backend service's readiness: a GET of its <c>/health</c> through service discovery.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, Uri healthUri) : IHealthCheck
{
    /// <summary>The HttpClient used for probes: service discovery, no retries (a probe must answer fast).</summary>
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(healthUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"/health answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException)
        {
            // The exception text names the address; the report stays generic.
            return new HealthCheckResult(context.Registration.FailureStatus, "Unreachable.");
        }
    }
}
