using System.Net;
using System.Text.Json;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HealthTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Health_is_healthy_when_every_service_is()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ReadReportAsync(response);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        foreach (var service in GatewayFixture.ServiceNames)
        {
            Assert.Equal("Healthy", report.GetProperty("entries").GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Health_is_unhealthy_when_one_service_reports_unhealthy()
    {
        var analytics = fixture.Backends["analytics"];
        analytics.Healthy = false;
        try
        {
            using var response = await fixture.Client.GetAsync(new Uri("/health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var entries = (await ReadReportAsync(response)).GetProperty("entries");
            Assert.Equal("Unhealthy", entries.GetProperty("analytics").GetProperty("status").GetString());
            Assert.Equal("Healthy", entries.GetProperty("identity").GetProperty("status").GetString());
        }
        finally
        {
            analytics.Healthy = true;
        }

        using var alive = await fixture.Client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    private static async Task<JsonElement> ReadReportAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
