using System.Net;

namespace WebRtcChat.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class LoginTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_401()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        using var wrongPassword = await auth.LoginAsync(name, "wrong-Password-1");
        using var unknownUser = await auth.LoginAsync(AuthClient.NewName(), "wrong-Password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(wrongPassword), await WithoutTraceIdAsync(unknownUser));
    }

    /// <summary>The body with its per-request <c>traceId</c> left out.</summary>
    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = await AuthClient.BodyAsync(response);
        return string.Join('|', body.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public async Task Login_accepts_the_email_in_any_case()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        using var response = await auth.LoginAsync($"{name.ToUpperInvariant()}@Example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, _) = await auth.RegisterNewAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await auth.LoginAsync(name, "wrong-Password-1");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await auth.LoginAsync(name);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }
}
