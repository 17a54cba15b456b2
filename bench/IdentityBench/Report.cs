using System.Globalization;
using System.Text;

namespace WebRtcChat.Bench.Identity;

/// <summary>The markdown report: machine, command, password hash cost, throughput and validation tables, verdicts.</summary>
internal static class Report
{
    private const double ValidationP99TargetMs = 1.0;

    public static string Render(
        BenchOptions options, string loadBefore, PasswordHashCost hash, List<Phase> phases, int tokenCount, ValidationTiming handler, ValidationTiming bearer)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = BenchReport.Start(
            "Identity benchmark: logins, refreshes and token validation", options.CommandLine, loadBefore, "Identity, Search and the gateway");
        text.AppendLine(culture, $"- Password hashing: {hash.Algorithm}, {hash.Iterations:N0} iterations (the configured `PasswordHasherOptions.IterationCount`); one hash {hash.HashMs:0.0} ms, one verification {hash.VerifyMs:0.0} ms on one thread.");
        text.AppendLine();
        text.AppendLine(culture, $"## Throughput ({options.PhaseDuration.TotalSeconds:0} s per phase, {options.Users} users)");
        text.AppendLine();
        text.AppendLine("| operation | via | concurrency | done | failed | per second | p50 (ms) | p95 (ms) | p99 (ms) | load avg before |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
        {
            var r = phase.Result;
            text.AppendLine(culture, $"| {phase.Name} | {phase.Via} | {phase.Concurrency} | {r.Count} | {r.Failures} | {r.PerSecond:0.0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {phase.LoadAverageBefore} |");
        }

        text.AppendLine();
        text.AppendLine("Login and register go through the password hasher (PBKDF2, CPU-bound) and OpenIddict's token endpoint (an authorization and token rows written to PostgreSQL); refresh validates and rolls the refresh token (no password hash). \"gateway\" adds the YARP hop with its edge middleware (rate limits raised for the run).");
        text.AppendLine();
        text.AppendLine(culture, $"## Token validation in a resource service (Search), in-process, one at a time, {tokenCount} distinct tokens, warm");
        text.AppendLine();
        text.AppendLine(culture, $"| what is timed | iterations | failed | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | best of {TokenValidationProbe.Rounds} rounds' p99 (ms) | target p99 < {ValidationP99TargetMs:0} ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Row(text, "`JsonWebTokenHandler.ValidateTokenAsync` with the JWT bearer handler's parameters (RS256 signature, issuer, audience, lifetime)", handler);
        Row(text, "the whole JWT bearer authentication of a request (`HttpContext.AuthenticateAsync`: request scope, header, validation, principal)", bearer);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, ValidationTiming timing)
    {
        var r = timing.All;
        var verdict = r.Failures > 0 ? "missed (failures)"
            : r.P99Ms < ValidationP99TargetMs ? "met"
            : timing.BestRoundP99Ms < ValidationP99TargetMs ? "met in the quietest round, missed over all (other load on the machine)"
            : "missed";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {what} | {r.Count + r.Failures} | {r.Failures} | {r.P50Ms:0.000} | {r.P95Ms:0.000} | {r.P99Ms:0.000} | {r.MaxMs:0.000} | {timing.BestRoundP99Ms:0.000} | {verdict} |");
    }
}
