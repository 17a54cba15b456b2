using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.ObjectStorage;

namespace WebRtcChat.Identity.Tests;

/// <summary>DELETE /api/auth/account: re-authentication, erasure of everything personal, sessions ended, UserDeleted published.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountDeletionTests(IdentityFixture fixture)
{
    private IdentityDatabase Database => new(fixture.Database);

    [Fact]
    public async Task Deleting_an_account_erases_its_data_ends_its_sessions_and_publishes_UserDeleted()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var alice = await SocialClient.RegisterAsync(http);
        var bob = await SocialClient.RegisterAsync(http);
        var carol = await SocialClient.RegisterAsync(http);
        (await alice.AddContactAsync(bob.Id)).Dispose();
        (await bob.AddContactAsync(alice.Id)).Dispose();
        (await carol.BlockAsync(alice.Id)).Dispose();
        (await alice.BlockAsync(bob.Id)).Dispose();
        (await alice.UpdateProfileAsync(new { bio = "about me", phone = "+1 555 0100" })).Dispose();
        using var uploaded = await alice.UploadAvatarAsync(TestImages.Png);
        var avatarUrl = (await AuthClient.BodyAsync(uploaded)).GetProperty("avatar").GetString()!;
        var avatarKey = $"avatars/{alice.Id}/{avatarUrl[(avatarUrl.IndexOf("?v=", StringComparison.Ordinal) + 3)..]}";
        using var login = await auth.LoginAsync(alice.Name);
        var session = await AuthClient.BodyAsync(login);
        var refreshToken = session.GetProperty("refreshToken").GetString()!;
        using (var forgot = await auth.ForgotPasswordAsync($"{alice.Name}@example.com"))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        using (var wrong = await auth.DeleteAccountAsync(alice.Token, "not-the-Password-9"))
        {
            Assert.True((await SocialClient.ErrorsAsync(wrong)).TryGetProperty("password", out _));
        }

        using (var missing = await auth.DeleteAccountAsync(alice.Token, null))
        {
            Assert.True((await SocialClient.ErrorsAsync(missing)).TryGetProperty("password", out _));
        }

        using (var deleted = await auth.DeleteAccountAsync(alice.Token, AuthClient.GoodPassword))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // The sessions are over, and the account cannot be used again.
        using (var me = await auth.MeAsync(alice.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using (var refresh = await auth.RefreshAsync(refreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        }

        using (var again = await auth.LoginAsync(alice.Name))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }

        // Nothing of hers is left: not in others' lists, not in any table, not in the object store.
        Assert.Empty(await SocialClient.IdsAsync(await bob.ContactsAsync(), "userId"));
        Assert.Empty(await SocialClient.IdsAsync(await carol.BlockedAsync(), "userId"));
        using (var profile = await bob.GetUserAsync(alice.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        }

        var id = alice.Id.ToString();
        Assert.Equal(0L, await Database.ScalarAsync<long>(
            """
            SELECT (SELECT count(*) FROM "AspNetUsers" WHERE "Id" = @id)
                 + (SELECT count(*) FROM contacts WHERE owner_id = @id OR contact_id = @id)
                 + (SELECT count(*) FROM blocks WHERE blocker_id = @id OR blocked_id = @id)
                 + (SELECT count(*) FROM account_tokens WHERE user_id = @id)
                 + (SELECT count(*) FROM "OpenIddictTokens" WHERE "Subject" = @subject)
                 + (SELECT count(*) FROM "OpenIddictAuthorizations" WHERE "Subject" = @subject)
            """,
            ("id", alice.Id), ("subject", id)));
        Assert.False(await fixture.Host.Services.GetRequiredService<ObjectStore>().ExistsAsync(avatarKey, CancellationToken.None));
        Assert.Equal(1, await Database.OutboxCountAsync("UserDeleted", "userId", alice.Id));
    }

    [Fact]
    public async Task An_account_without_a_password_needs_a_recent_sign_in_to_be_deleted()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var user = await SocialClient.RegisterAsync(http);

        // As an external-only account looks: no password; its last sign-in was an hour ago.
        await Database.ExecuteAsync(
            """UPDATE "AspNetUsers" SET "PasswordHash" = NULL, last_sign_in_at = now() - interval '1 hour' WHERE "Id" = @id""", ("id", user.Id));
        using (var stale = await auth.DeleteAccountAsync(user.Token, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
            Assert.EndsWith("/recent-sign-in-required", (await AuthClient.BodyAsync(stale)).GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        await Database.ExecuteAsync("""UPDATE "AspNetUsers" SET last_sign_in_at = now() WHERE "Id" = @id""", ("id", user.Id));
        using (var recent = await auth.DeleteAccountAsync(user.Token, null))
        {
            Assert.Equal(HttpStatusCode.NoContent, recent.StatusCode);
        }

        Assert.Equal(1, await Database.OutboxCountAsync("UserDeleted", "userId", user.Id));
    }
}
