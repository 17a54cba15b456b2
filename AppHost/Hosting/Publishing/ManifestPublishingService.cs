using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Publishing;

/// <summary>In publish mode: writes the manifest, then ends the AppHost.</summary>
internal sealed class ManifestPublishingService(
    DistributedApplicationModel model,
    PublishingOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ManifestPublishingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(options.Publisher, "manifest", StringComparison.Ordinal))
        {
            throw new DistributedApplicationException($"publisher '{options.Publisher}' is not known; the only publisher is 'manifest'.");
        }

        // Relative to the AppHost project, as with Aspire: --output-path ../aspire-manifest.json lands beside the solution.
        var outputPath = Path.GetFullPath(options.OutputPath ?? "aspire-manifest.json", model.AppHostDirectory);
        if (Directory.Exists(outputPath))
        {
            outputPath = Path.Combine(outputPath, "aspire-manifest.json");
        }

        await using (var stream = File.Create(outputPath))
        {
            await ManifestWriter.WriteAsync(model, Path.GetDirectoryName(outputPath)!, stream, cancellationToken);
        }

        logger.LogInformation("Wrote the deployment manifest to {Path}", outputPath);
        lifetime.StopApplication();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
