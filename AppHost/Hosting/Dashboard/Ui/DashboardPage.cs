using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aspire.Hosting.Dashboard.Ui;

/// <summary>
/// Serves the dashboard at <c>/</c>: one self-contained HTML document (its style and scripts inlined,
/// nothing fetched from elsewhere), assembled once from the embedded Ui files.
/// </summary>
internal static class DashboardPage
{
    private static readonly Lazy<string> Document = new(Assemble);

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Content(Document.Value, "text/html; charset=utf-8");
        });
        return endpoints;
    }

    private static string Assemble() => Read("index.html")
        .Replace("/* dashboard.css */", Read("dashboard.css"), StringComparison.Ordinal)
        .Replace("/* dashboard.js */", Read("dashboard.js") + Read("resources.js") + Read("telemetry.js"), StringComparison.Ordinal);

    private static string Read(string file)
    {
        var name = $"Aspire.Hosting.Dashboard.Ui.{file}";
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The dashboard page resource {name} is not embedded; see AppHost.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
