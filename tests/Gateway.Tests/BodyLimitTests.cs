using System.Net;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class BodyLimitTests(GatewayFixture fixture)
{
    [Fact]
    public Task A_body_over_the_limit_is_refused_with_413() =>
        AssertRefusedAsync(new ByteArrayContent(new byte[GatewayFixture.DefaultMaxBytes * 4]));

    [Fact]
    public Task A_chunked_body_over_the_limit_is_refused_with_413() =>
        AssertRefusedAsync(new StreamContent(new UnknownLengthStream(GatewayFixture.DefaultMaxBytes * 4)));

    /// <summary>The upload routes of appsettings.json (attachments and voice messages, avatars) get the upload limit.</summary>
    [Theory]
    [InlineData("/api/attachments")]
    [InlineData("/api/messages/attachments")]
    [InlineData("/api/messages/voice")]
    [InlineData("/api/users/avatar")]
    public async Task An_upload_route_accepts_a_body_larger_than_the_default_limit(string path)
    {
        var size = GatewayFixture.DefaultMaxBytes * 8;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(new byte[size]),
        };

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, (await response.ReadEchoAsync()).BodyLength);
    }

    /// <summary>A body whose length is not known up front, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(int length) : MemoryStream(new byte[length])
    {
        public override bool CanSeek => false;
    }

    private async Task AssertRefusedAsync(HttpContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms/r1/messages") { Content = body };

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }
}
