using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.Publishing;

/// <summary><c>--publisher manifest --output-path aspire-manifest.json</c>, as the Aspire CLI passes them.</summary>
public sealed record PublishingOptions(string? Publisher, string? OutputPath)
{
    public static PublishingOptions From(IConfiguration configuration) =>
        new(configuration["publisher"] ?? configuration["Publishing:Publisher"], configuration["output-path"] ?? configuration["Publishing:OutputPath"]);
}
