using System.Net;
using System.Net.Sockets;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class FailureTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_service_that_is_down_gives_502_without_naming_it()
    {
        var closedAddress = $"http://127.0.0.1:{ClosedPort()}";
        var settings = fixture.Settings();
        settings["services:recording:http:0"] = closedAddress;
        await using var gateway = GatewayHost.Start(settings);
        using var client = gateway.CreateNetworkClient();

        using var response = await client.GetAsync(new Uri("/api/recordings/rec1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("Bad gateway", problem.GetProperty("title").GetString());
        var body = problem.GetRawText();
        Assert.DoesNotContain("recording", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_gives_504()
    {
        using var response = await fixture.Client.GetAsync(new Uri($"/api/search/messages{Backend.SlowSuffix}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("search", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
