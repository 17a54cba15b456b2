using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoutingTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/auth/me", "identity", "/api/auth/me")]
    [InlineData("GET", "/api/users/42?fields=name", "identity", "/api/users/42")]
    [InlineData("POST", "/api/contacts/42", "identity", "/api/contacts/42")]
    [InlineData("DELETE", "/api/block/42", "identity", "/api/block/42")]
    [InlineData("GET", "/api/blocks", "identity", "/api/blocks")]
    [InlineData("POST", "/connect/token", "identity", "/connect/token")]
    [InlineData("GET", "/.well-known/openid-configuration", "identity", "/.well-known/openid-configuration")]
    [InlineData("GET", "/connect/authorize?client_id=webrtcchat-web", "identity", "/connect/authorize")]
    [InlineData("POST", "/account/login", "identity", "/account/login")]
    [InlineData("GET", "/api/auth/external/partner/callback?code=c&state=s", "identity", "/api/auth/external/partner/callback")]
    [InlineData("POST", "/api/rooms/r1/messages", "messaging", "/api/rooms/r1/messages")]
    [InlineData("PUT", "/api/messages/m1", "messaging", "/api/messages/m1")]
    [InlineData("GET", "/api/attachments/a1", "messaging", "/api/attachments/a1")]
    [InlineData("POST", "/hubs/chat/negotiate?negotiateVersion=1", "presence", "/hubs/chat/negotiate")]
    [InlineData("GET", "/api/presence/online", "presence", "/api/presence/online")]
    [InlineData("POST", "/api/calls/c1/join", "mediasfu", "/api/calls/c1/join")]
    [InlineData("GET", "/api/calls/ice-servers", "presence", "/api/calls/ice-servers")]
    [InlineData("GET", "/api/calls/history?limit=5", "presence", "/api/calls/history")]
    [InlineData("GET", "/api/calls/active", "presence", "/api/calls/active")]
    [InlineData("POST", "/api/calls/c1/start-recording", "recording", "/api/calls/c1/start-recording")]
    [InlineData("GET", "/api/recordings/rec1", "recording", "/api/recordings/rec1")]
    [InlineData("GET", "/api/search/messages?q=hello", "search", "/api/search/messages")]
    [InlineData("GET", "/api/messages/search?query=hello&roomId=r1", "search", "/api/messages/search")]
    [InlineData("GET", "/api/analytics/dashboard", "analytics", "/api/analytics/dashboard")]
    public async Task A_route_reaches_its_service_with_the_path_and_query_preserved(string method, string path, string service, string backendPath)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path).From(fixture.NewClientIp());

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal(service, echo.Service);
        Assert.Equal(method, echo.Method);
        Assert.Equal(backendPath, echo.Path);
        Assert.Equal(new Uri(fixture.Client.BaseAddress!, path).Query, echo.Query);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("messaging")]
    [InlineData("analytics")]
    public async Task A_services_OpenAPI_document_is_served_under_its_name(string service)
    {
        using var response = await fixture.Client.GetAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal(service, echo.Service);
        Assert.Equal("/openapi/v1.json", echo.Path);
    }

    [Fact]
    public async Task An_unknown_path_is_not_proxied()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
