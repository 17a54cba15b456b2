using System.Net;
using Npgsql;

namespace WebRtcChat.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class RegistrationTests(IdentityFixture fixture)
{
    [Fact]
    public async Task A_duplicate_email_in_any_case_is_409()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        using var response = await auth.RegisterAsync(AuthClient.NewName(), $"{name.ToUpperInvariant()}@EXAMPLE.com");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_duplicate_username_in_any_case_is_409()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        using var response = await auth.RegisterAsync(name.ToUpperInvariant(), $"other-{name}@example.com");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("Short1")]
    public async Task A_weak_password_is_400_naming_the_field(string password)
    {
        using var http = fixture.Host.CreateClient();
        var name = AuthClient.NewName();

        using var response = await new AuthClient(http).RegisterAsync(name, $"{name}@example.com", password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await AuthClient.BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("username", out _));
    }

    [Fact]
    public async Task Bad_username_and_email_are_each_reported()
    {
        using var http = fixture.Host.CreateClient();

        using var response = await new AuthClient(http).RegisterAsync("a b", "not-an-email");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await AuthClient.BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Registering_publishes_UserRegistered_through_the_outbox()
    {
        using var http = fixture.Host.CreateClient();
        var (name, registered) = await new AuthClient(http).RegisterNewAsync();
        var userId = registered.GetProperty("user").GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var connection = new NpgsqlConnection(fixture.Database);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand(
                "SELECT dispatched_at IS NOT NULL FROM outbox_messages WHERE type LIKE '%UserRegistered%' AND body->>'userId' = @id", connection);
            query.Parameters.AddWithValue("id", userId!);
            var dispatched = await query.ExecuteScalarAsync();
            Assert.NotNull(dispatched);
            if ((bool)dispatched)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"UserRegistered for {name} was not published within 20 s");
            await Task.Delay(250);
        }
    }
}
