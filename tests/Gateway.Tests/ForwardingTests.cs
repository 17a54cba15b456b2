using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ForwardingTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_backend_sees_the_client_address_scheme_and_host_and_the_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms").From("203.0.113.9");
        request.Headers.Add("X-Request-Id", "client-req-123");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal("203.0.113.9", echo.Header("X-Forwarded-For"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal(fixture.Gateway.Address.Authority, echo.Header("X-Forwarded-Host"));
        Assert.Equal("client-req-123", echo.Header("X-Request-Id"));
        Assert.Equal("client-req-123", Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_peer_is_replaced_by_the_peer_address()
    {
        var settings = fixture.Settings();
        settings.Remove("Gateway:ForwardedHeaders:KnownProxies:0");
        await using var gateway = GatewayHost.Start(settings);
        using var client = gateway.CreateNetworkClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms").From("203.0.113.9");

        using var response = await client.SendAsync(request);

        var echo = await response.ReadEchoAsync();
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_malformed_request_id_is_replaced_by_one_the_backend_and_client_share()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");

        using var response = await fixture.Client.SendAsync(request);

        var echo = await response.ReadEchoAsync();
        var returned = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.DoesNotContain("<", returned, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(returned));
        Assert.Equal(returned, echo.Header("X-Request-Id"));
    }

    [Fact]
    public async Task A_gateway_answer_carries_a_request_id_too()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
    }
}
