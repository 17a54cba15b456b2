using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Checks a login (username or email) and password with Identity's lockout. An unknown login costs a password hash
/// too, so the answer and its timing do not tell whether the account exists.
/// </summary>
public sealed class PasswordVerifier(UserManager<User> users, SignInManager<User> signIn)
{
    private static readonly User Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<User>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<User?> VerifyAsync(string? login, string? password)
    {
        if (string.IsNullOrEmpty(login) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var user = login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(login)
            : await users.FindByNameAsync(login);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
