namespace Aspire.Hosting.Dashboard;

/// <summary>
/// Where the dashboard listens. Bound from the <c>Dashboard</c> configuration section; once the dashboard
/// has started, both URLs hold the addresses actually bound (a configured port 0 becomes the chosen port).
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The UI and its JSON API.</summary>
    public Uri Url { get; set; } = new("http://localhost:18888");

    /// <summary>The OTLP/HTTP receiver the projects export their telemetry to.</summary>
    public Uri OtlpHttpUrl { get; set; } = new("http://localhost:18890");

    public static DashboardOptions From(IConfiguration configuration)
    {
        var options = new DashboardOptions();
        options.Url = Parse(configuration, "Url", options.Url);
        options.OtlpHttpUrl = Parse(configuration, "OtlpHttpUrl", options.OtlpHttpUrl);
        return options;
    }

    private static Uri Parse(IConfiguration configuration, string key, Uri fallback)
    {
        var text = configuration[$"{SectionName}:{key}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new DistributedApplicationException(
                $"{SectionName}:{key} is '{text}', which is not an http:// address; set it to one such as http://localhost:0.");
        }

        return url;
    }
}
