using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/register")]
    [InlineData("/connect/token")]
    [InlineData("/account/login")]
    [InlineData("/api/auth/external/exchange")]
    public async Task A_credential_endpoint_answers_429_with_Retry_After_past_the_strict_limit(string path)
    {
        var clientIp = fixture.NewClientIp();
        for (var attempt = 0; attempt < GatewayFixture.CredentialLimit; attempt++)
        {
            using var allowed = await PostAsync(path, clientIp);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await PostAsync(path, clientIp);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var problem = await rejected.ReadProblemAsync();
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        using var normalRoute = new HttpRequestMessage(HttpMethod.Get, "/api/rooms").From(clientIp);
        using var stillServed = await fixture.Client.SendAsync(normalRoute);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task Users_are_limited_separately_by_the_subject_of_their_token()
    {
        var clientIp = fixture.NewClientIp();
        var alice = $"alice-{Guid.NewGuid():N}";
        var bob = $"bob-{Guid.NewGuid():N}";
        for (var attempt = 0; attempt < GatewayFixture.PerUserLimit; attempt++)
        {
            using var allowed = await GetAsUserAsync(alice, clientIp);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var aliceRejected = await GetAsUserAsync(alice, clientIp);
        using var bobServed = await GetAsUserAsync(bob, clientIp);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/rooms").From(clientIp);
        using var anonymousServed = await fixture.Client.SendAsync(anonymous);

        Assert.Equal(HttpStatusCode.TooManyRequests, aliceRejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobServed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousServed.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string clientIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path).From(clientIp);
        request.Content = new StringContent("""{"email":"a@example.test","password":"x"}""", System.Text.Encoding.UTF8, "application/json");
        return await fixture.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsUserAsync(string subject, string clientIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms").From(clientIp).WithBearer(subject);
        return await fixture.Client.SendAsync(request);
    }
}
