using System.Collections.Concurrent;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Identity;

/// <summary>Runs the phases one after another on one stack and renders the report.</summary>
internal static class IdentityBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var loadBefore = MachineInfo.LoadAverage();
        await using var stack = await BenchServices.StartAsync<IdentityStack>();
        using var identity = AuthCalls.Client(stack.IdentityUrl);
        using var gateway = AuthCalls.Client(stack.GatewayUrl);
        using var search = AuthCalls.Client(stack.SearchUrl);
        var phases = new List<Phase>();
        var c = options.Concurrency;

        var hash = PasswordHashCost.Measure(stack.Identity.Services);
        Progress($"password hash: {hash.Iterations} iterations, {hash.HashMs:0.0} ms");

        var prefix = "b" + Guid.NewGuid().ToString("N")[..8];
        var users = Enumerable.Range(0, options.Users).Select(i => $"{prefix}{i}").ToArray();
        var next = -1;
        await Measure(phases, "register", "direct", c, () => LoadRunner.RunAsync(c, TimeSpan.FromMinutes(10),
            (_, _) => AuthCalls.RegisterAsync(identity, users[Interlocked.Increment(ref next)]), maxCalls: users.Length));

        var accessTokens = new ConcurrentQueue<string>();
        foreach (var (via, http) in new[] { ("direct", identity), ("gateway", gateway) })
        {
            await Measure(phases, "login", via, c, () => LoadRunner.RunAsync(c, options.PhaseDuration, async (worker, call) =>
            {
                var tokens = await AuthCalls.LoginAsync(http, users[(worker + (call * c)) % users.Length]);
                if (tokens is not null && accessTokens.Count < 500)
                {
                    accessTokens.Enqueue(tokens.Access);
                }

                return tokens is not null;
            }));
        }

        foreach (var (via, http) in new[] { ("direct", identity), ("gateway", gateway) })
        {
            // Each worker follows its own rolling refresh chain, as a signed-in client does.
            var chains = await Task.WhenAll(Enumerable.Range(0, c).Select(worker => AuthCalls.LoginAsync(identity, users[worker % users.Length])));
            await Measure(phases, "refresh", via, c, () => LoadRunner.RunAsync(c, options.PhaseDuration, async (worker, _) =>
            {
                var tokens = await AuthCalls.RefreshAsync(http, chains[worker]!.Refresh);
                chains[worker] = tokens ?? await AuthCalls.LoginAsync(identity, users[worker % users.Length]);
                return tokens is not null;
            }));
        }

        var tokenList = accessTokens.ToArray();
        await Measure(phases, $"GET {IdentityStack.WhoAmIPath} (Search)", "direct", c, () => LoadRunner.RunAsync(c, options.PhaseDuration,
            (worker, call) => AuthCalls.GetAuthenticatedAsync(search, IdentityStack.WhoAmIPath, tokenList[(worker + (call * c)) % tokenList.Length])));

        Progress("in-process validation");
        var handler = await TokenValidationProbe.TokenHandlerAsync(stack.Search.Services, tokenList, options.Validations);
        var bearer = await TokenValidationProbe.BearerAuthenticationAsync(stack.Search.Services, tokenList, options.Validations);
        return Report.Render(options, loadBefore, hash, phases, tokenList.Length, handler, bearer);
    }

    private static async Task Measure(List<Phase> phases, string name, string via, int concurrency, Func<Task<Latencies>> run)
    {
        var load = MachineInfo.LoadAverage();
        var result = await run();
        phases.Add(new Phase(name, via, concurrency, result, load));
        Progress($"{name} ({via}): {result.PerSecond:0.0}/s, p99 {result.P99Ms:0.0} ms, {result.Failures} failed");
    }

    private static void Progress(string line) => Console.Error.WriteLine(line);
}

internal sealed record Phase(string Name, string Via, int Concurrency, Latencies Result, string LoadAverageBefore);
