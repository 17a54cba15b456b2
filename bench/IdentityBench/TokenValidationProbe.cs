using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace WebRtcChat.Bench.Identity;

/// <summary>
/// Times token validation inside a resource service, warm, one call at a time with <see cref="Stopwatch"/> ticks:
/// the JWT bearer handler's own token handler with the parameters it builds (signing keys from the fetched JWKS),
/// and the whole bearer authentication of a request (request scope, header parsing, validation, principal).
/// </summary>
internal static class TokenValidationProbe
{
    public const int Rounds = 5;

    public static async Task<ValidationTiming> TokenHandlerAsync(IServiceProvider service, IReadOnlyList<string> tokens, int iterations)
    {
        var options = service.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var handler = options.TokenHandlers.First();
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ConfigurationManager = (BaseConfigurationManager)options.ConfigurationManager!;
        return await TimeAsync(tokens, iterations, async token => (await handler.ValidateTokenAsync(token, parameters)).IsValid);
    }

    public static async Task<ValidationTiming> BearerAuthenticationAsync(IServiceProvider service, IReadOnlyList<string> tokens, int iterations)
    {
        // A scope per call, as a request has: authentication handlers are cached per scope, bound to their first request.
        var scopes = service.GetRequiredService<IServiceScopeFactory>();
        return await TimeAsync(tokens, iterations, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Headers.Authorization = "Bearer " + token;
            return (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded;
        });
    }

    private static async Task<ValidationTiming> TimeAsync(IReadOnlyList<string> tokens, int iterations, Func<string, Task<bool>> validate)
    {
        for (var i = 0; i < Math.Max(2_000, iterations / 10); i++)
        {
            await validate(tokens[i % tokens.Count]);
        }

        var all = new List<long>(iterations);
        var failures = 0;
        var bestRoundP99 = double.MaxValue;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var ticks = new List<long>(iterations / Rounds);
            for (var i = 0; i < iterations / Rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var valid = await validate(tokens[i % tokens.Count]);
                var end = Stopwatch.GetTimestamp();
                if (valid)
                {
                    ticks.Add(end - start);
                }
                else
                {
                    failures++;
                }
            }

            all.AddRange(ticks);
            bestRoundP99 = Math.Min(bestRoundP99, Latencies.From(ticks, 0, clock.Elapsed).P99Ms);
        }

        return new ValidationTiming(Latencies.From(all, failures, clock.Elapsed), bestRoundP99);
    }
}

/// <summary>All iterations, and the lowest p99 of the <see cref="TokenValidationProbe.Rounds"/> rounds (the least disturbed by other processes).</summary>
internal sealed record ValidationTiming(Latencies All, double BestRoundP99Ms);
