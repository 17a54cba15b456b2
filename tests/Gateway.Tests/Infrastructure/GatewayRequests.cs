using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WebRtcChat.Gateway.Tests.Infrastructure;

/// <summary>Small helpers for building requests and reading the gateway's answers.</summary>
public static class GatewayRequests
{
    public static HttpRequestMessage From(this HttpRequestMessage request, string clientIp)
    {
        request.Headers.Add("X-Forwarded-For", clientIp);
        return request;
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string subject)
    {
        request.Headers.Authorization = new("Bearer", UnsignedToken(subject));
        return request;
    }

    /// <summary>A JWT-shaped token with the given <c>sub</c>; the gateway only reads it, backends would validate it.</summary>
    public static string UnsignedToken(string subject) =>
        $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{Segment($$"""{"sub":"{{subject}}","name":"test"}""")}.c2ln";

    public static async Task<Echo> ReadEchoAsync(this HttpResponseMessage response)
    {
        var echo = await response.Content.ReadFromJsonAsync<Echo>(JsonSerializerOptions.Web);
        return echo ?? throw new InvalidOperationException("The backend answered without a body.");
    }

    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
