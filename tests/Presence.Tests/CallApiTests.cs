using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WebRtcChat.Presence.Tests;

/// <summary>The calls API: TURN credentials in the REST API's shared-secret scheme, and its refusals.</summary>
[Collection(PresenceCollection.Name)]
public sealed class CallApiTests(PresenceFixture fixture)
{
    [Fact]
    public async Task Ice_servers_carry_time_limited_turn_credentials_signed_with_the_shared_secret()
    {
        var alice = await fixture.RegisterAsync();
        var turn = new DbConnectionStringBuilder { ConnectionString = fixture.Infrastructure.TurnConnectionString };
        var address = $"{turn["Host"]}:{turn["Port"]}";

        var server = Assert.Single((await CallSteps.GetJsonAsync(fixture.Instances[0], alice, "/api/calls/ice-servers")).EnumerateArray());
        Assert.Equal(
            [$"stun:{address}", $"turn:{address}?transport=udp", $"turn:{address}?transport=tcp"],
            server.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
        var username = server.GetProperty("username").GetString()!;
        var parts = username.Split(':');
        Assert.Equal(alice.Id.ToString(), parts[1]);
        var expiresIn = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture)) - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromHours(11), TimeSpan.FromHours(12));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes((string)turn["Secret"]), Encoding.UTF8.GetBytes(username)));
        Assert.Equal(expected, server.GetProperty("credential").GetString());
        Assert.Equal("password", server.GetProperty("credentialType").GetString());
    }

    [Theory]
    [InlineData("/api/calls/ice-servers")]
    [InlineData("/api/calls/history")]
    [InlineData("/api/calls/active")]
    public async Task The_calls_api_needs_a_signed_in_user(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.Instances[1] };
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_history_limit_out_of_range_is_a_validation_problem()
    {
        var alice = await fixture.RegisterAsync();
        using var http = new HttpClient { BaseAddress = fixture.Instances[0] };
        using var response = await http.SendAsync(alice.Request(HttpMethod.Get, "/api/calls/history?limit=0"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
