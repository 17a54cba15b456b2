using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class StaticContentTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_home_page_links_to_the_API_reference_and_health()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>WebRtcChat</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scalar\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/health\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_reference_lists_every_services_document()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var service in GatewayFixture.ServiceNames)
        {
            Assert.Contains($"openapi/{service}/v1.json", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_gateway_publishes_its_own_OpenAPI_document()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
