namespace Microsoft.Extensions.Hosting;

/// <summary>Activity sources and meters the service defaults listen to, beyond ASP.NET Core and HttpClient.</summary>
public static class TelemetrySources
{
    public static readonly string[] Names =
    [
        "MassTransit",
        "Npgsql",
        "WebRtcChat.*",
    ];
}
