using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>UserSignedIn: one per sign-in (password login, direct password grant), none for a refresh; no secrets in it.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SignInEventTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Each_password_sign_in_publishes_UserSignedIn_and_a_refresh_does_not()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync(); // registering signs the new user in
        var id = registered.GetProperty("user").GetProperty("id").GetGuid();
        var database = new IdentityDatabase(fixture.Database);
        Assert.Equal(1, await database.OutboxCountAsync("UserSignedIn", "userId", id));

        using var login = await auth.LoginAsync(name);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(2, await database.OutboxCountAsync("UserSignedIn", "userId", id));

        using (var refreshed = await auth.RefreshAsync((await AuthClient.BodyAsync(login)).GetProperty("refreshToken").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }

        Assert.Equal(2, await database.OutboxCountAsync("UserSignedIn", "userId", id));

        using (var wrong = await auth.LoginAsync(name, "wrong-Password-1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var grant = await auth.PasswordGrantAsync(name))
        {
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        }

        Assert.Equal(3, await database.OutboxCountAsync("UserSignedIn", "userId", id));
        var shape = await database.ScalarAsync<string>(
            """
            SELECT string_agg(DISTINCT (SELECT string_agg(key, ',' ORDER BY key) FROM jsonb_object_keys(body) AS key)
                              || '|' || (body->>'method') || '|' || (body->>'clientId'), ';')
            FROM outbox_messages WHERE type LIKE '%.UserSignedIn,%' AND body->>'userId' = @id
            """,
            ("id", id.ToString()));
        Assert.Equal("clientId,method,occurredAt,userId|password|webrtcchat-web", shape);
        Assert.True(await database.ScalarAsync<bool>(
            """SELECT last_sign_in_at > now() - interval '1 minute' FROM "AspNetUsers" WHERE "Id" = @id""", ("id", id)));
    }
}
