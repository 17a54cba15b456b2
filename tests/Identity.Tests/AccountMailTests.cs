using System.Net;
using Npgsql;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>The mailed account flows through real SMTP (maildev): password reset, email confirmation, and change password.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountMailTests(IdentityFixture fixture)
{
    private const string NewPassword = "brand-New-Secret-42";
    private const string ResetSubject = "Reset your";
    private const string ConfirmSubject = "Confirm your";

    private MailCatcher Mail => new(fixture.MailApi);

    [Fact]
    public async Task A_mailed_reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync();
        var email = $"{name}@example.com";
        var oldRefreshToken = registered.GetProperty("refreshToken").GetString()!;

        using var forgot = await auth.ForgotPasswordAsync(email);
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var mail = Assert.Single(await Mail.WaitForAsync(email, ResetSubject));
        var (url, path, token) = mail.Link();
        Assert.Equal("http://localhost:8080/reset-password", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("reset-password", path);

        // A password the register rules refuse is refused here too, and does not spend the token.
        using var weak = await auth.ResetPasswordAsync(token, "short");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await AuthClient.BodyAsync(weak)).GetProperty("errors").TryGetProperty("password", out _));

        using var reset = await auth.ResetPasswordAsync(token, NewPassword);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var withNew = await auth.LoginAsync(name, NewPassword);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        using var withOld = await auth.LoginAsync(name, AuthClient.GoodPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        using var oldSession = await auth.RefreshAsync(oldRefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);

        using var reused = await auth.ResetPasswordAsync(token, "another-Secret-43");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var problem = await AuthClient.BodyAsync(reused);
        Assert.EndsWith("/invalid-reset-token", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("expired or already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var stillNew = await auth.LoginAsync(name, NewPassword);
        Assert.Equal(HttpStatusCode.OK, stillNew.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_email_exactly_like_a_known_one_and_sends_nothing()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var unknown = $"{AuthClient.NewName()}@example.com";
        var (name, _) = await auth.RegisterNewAsync();
        var known = $"{name}@example.com";

        using var forUnknown = await auth.ForgotPasswordAsync(unknown);
        using var forKnown = await auth.ForgotPasswordAsync(known);

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());

        // Mail goes out in order: once the known account's mail has arrived, one for the unknown address would have too.
        await Mail.WaitForAsync(known, ResetSubject);
        Assert.Empty(await Mail.ToAsync(unknown));
    }

    [Fact]
    public async Task An_expired_reset_token_is_refused()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync();
        var email = $"{name}@example.com";
        using var forgot = await auth.ForgotPasswordAsync(email);
        var (_, _, token) = Assert.Single(await Mail.WaitForAsync(email, ResetSubject)).Link();

        await using (var connection = new NpgsqlConnection(fixture.Database))
        {
            await connection.OpenAsync();
            await using var expire = new NpgsqlCommand(
                "UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = @user", connection);
            expire.Parameters.AddWithValue("user", registered.GetProperty("user").GetProperty("id").GetGuid());
            Assert.True(await expire.ExecuteNonQueryAsync() > 0);
        }

        using var reset = await auth.ResetPasswordAsync(token, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.EndsWith("/invalid-reset-token", (await AuthClient.BodyAsync(reset)).GetProperty("type").GetString(), StringComparison.Ordinal);
        using var stillOld = await auth.LoginAsync(name, AuthClient.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, stillOld.StatusCode);
    }

    [Fact]
    public async Task Registering_mails_a_confirmation_link_that_confirms_the_email()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync();
        var email = $"{name}@example.com";
        var accessToken = registered.GetProperty("token").GetString()!;
        Assert.False(registered.GetProperty("user").GetProperty("emailConfirmed").GetBoolean());

        var (url, path, token) = Assert.Single(await Mail.WaitForAsync(email, ConfirmSubject)).Link();
        Assert.Equal("http://localhost:8080/confirm-email", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("confirm-email", path);

        using var confirm = await auth.ConfirmEmailAsync(token);
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        using var me = await auth.MeAsync(accessToken);
        Assert.True((await AuthClient.BodyAsync(me)).GetProperty("emailConfirmed").GetBoolean());

        using var again = await auth.ConfirmEmailAsync(token);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var bogus = await auth.ConfirmEmailAsync("not-a-token");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_can_log_in_and_is_flagged()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        using var login = await auth.LoginAsync(name);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False((await AuthClient.BodyAsync(login)).GetProperty("user").GetProperty("emailConfirmed").GetBoolean());
    }

    [Fact]
    public async Task Changing_the_password_keeps_the_calling_session_and_ends_the_others()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, other) = await auth.RegisterNewAsync();
        using var login = await auth.LoginAsync(name);
        var current = await AuthClient.BodyAsync(login);

        using var change = await auth.ChangePasswordAsync(current.GetProperty("token").GetString()!, AuthClient.GoodPassword, NewPassword);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using var otherRefresh = await auth.RefreshAsync(other.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, otherRefresh.StatusCode);
        using var otherMe = await auth.MeAsync(other.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, otherMe.StatusCode);
        using var currentRefresh = await auth.RefreshAsync(current.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, currentRefresh.StatusCode);

        using var withNew = await auth.LoginAsync(name, NewPassword);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        using var withOld = await auth.LoginAsync(name, AuthClient.GoodPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_with_a_wrong_current_password_is_a_field_error()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync();

        using var change = await auth.ChangePasswordAsync(registered.GetProperty("token").GetString()!, "wrong-Password-1", NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.True((await AuthClient.BodyAsync(change)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        using var stillOld = await auth.LoginAsync(name, AuthClient.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, stillOld.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_mail_server_loses_neither_the_account_nor_the_answer()
    {
        var settings = new Dictionary<string, string>(fixture.Settings, StringComparer.Ordinal)
        {
            ["ConnectionStrings:mail"] = "Endpoint=smtp://127.0.0.1:9",
        };
        await using var noMail = new ServiceFactory<IdentityApp>(settings);
        using var http = noMail.CreateClient();
        var auth = new AuthClient(http);

        var (name, _) = await auth.RegisterNewAsync();
        using var forgot = await auth.ForgotPasswordAsync($"{name}@example.com");
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);

        using var login = await auth.LoginAsync(name);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
