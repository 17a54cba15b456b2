using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Bench.Identity;

/// <summary>The password hasher Identity is configured with, and what one hash costs on this machine (one thread).</summary>
internal sealed record PasswordHashCost(string Algorithm, int Iterations, double HashMs, double VerifyMs)
{
    public static PasswordHashCost Measure(IServiceProvider identity, int rounds = 20)
    {
        var options = identity.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        using var scope = identity.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User { UserName = "bench" };
        var algorithm = options.CompatibilityMode == PasswordHasherCompatibilityMode.IdentityV3
            ? "ASP.NET Core Identity V3: PBKDF2-HMAC-SHA512, 128-bit salt, 256-bit subkey"
            : "ASP.NET Core Identity V2: PBKDF2-HMAC-SHA1, 1000 iterations";
        var hash = hasher.HashPassword(user, "warm-up-password");
        hasher.VerifyHashedPassword(user, hash, "warm-up-password");

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            hash = hasher.HashPassword(user, "correct-Horse-7");
        }

        var hashMs = clock.Elapsed.TotalMilliseconds / rounds;
        clock.Restart();
        for (var i = 0; i < rounds; i++)
        {
            hasher.VerifyHashedPassword(user, hash, "correct-Horse-7");
        }

        return new PasswordHashCost(algorithm, options.IterationCount, hashMs, clock.Elapsed.TotalMilliseconds / rounds);
    }
}
