using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>An avatar of the largest allowed size, uploaded and served through the gateway of the running application.</summary>
[Collection(AppCollection.Name)]
public sealed class AvatarThroughGatewayTests(AppFixture fixture)
{
    private const int MaxBytes = 5 * 1024 * 1024;

    [Fact]
    public async Task A_5_MiB_avatar_passes_the_gateway_and_one_byte_more_is_refused_by_Identity()
    {
        var gateway = fixture.App.Gateway;
        var name = "g" + Guid.NewGuid().ToString("N")[..12];
        using var registered = await gateway.PostAsJsonAsync("/api/auth/register", new { username = name, email = $"{name}@example.com", password = "correct-Horse-7" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = (await JsonAsync(registered)).GetProperty("token").GetString()!;

        var image = TestJpeg.PaddedTo(MaxBytes);
        using var uploaded = await UploadAsync(gateway, token, image);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var url = (await JsonAsync(uploaded)).GetProperty("avatar").GetString()!;

        using var served = await gateway.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(image, await served.Content.ReadAsByteArrayAsync());

        using var tooLarge = await UploadAsync(gateway, token, TestJpeg.PaddedTo(MaxBytes + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.EndsWith("/avatar-too-large", (await JsonAsync(tooLarge)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient gateway, string token, byte[] image)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(image), "file", "avatar.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/avatar") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
