using System.Text.Json;
using Aspire.Hosting.Orchestration;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>The AppHost run as an operator runs it: a crashed service comes back, Ctrl+C leaves nothing behind.</summary>
public sealed class AppLifecycleTests
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_stopping_the_AppHost_leaves_no_process_behind()
    {
        await using var app = AppHostProcess.Start();
        await app.WaitUntilHealthyAsync(AppFixture.StartTimeout);
        var pids = (await app.GetResourcesAsync()).Select(PidOf).OfType<int>().ToHashSet();
        var search = await app.GetResourceAsync("search");
        var searchPid = PidOf(search)!.Value;

        ProcessGroup.Signal(searchPid, ProcessGroup.SIGKILL);
        var restarted = await WaitForAsync(app, "search", r => AppHostProcess.IsHealthy(r) && r.GetProperty("restarts").GetInt32() == 1);
        pids.Add(PidOf(restarted)!.Value);
        Assert.NotEqual(searchPid, PidOf(restarted));

        await app.StopAsync(TimeSpan.FromSeconds(90));

        Assert.True(app.HasExited);
        var survivors = pids.Where(ProcessGroup.IsAlive).ToList();
        Assert.True(survivors.Count == 0, $"still alive after shutdown: {string.Join(", ", survivors)}");
        Assert.Empty(ProcessesMentioning(app.DataDirectory));
    }

    private static int? PidOf(JsonElement resource) =>
        resource.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : null;

    private static async Task<JsonElement> WaitForAsync(AppHostProcess app, string name, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var resource = await app.GetResourceAsync(name);
            if (condition(resource))
            {
                return resource;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} did not reach the expected state: {await app.GetResourceAsync(name)}\n{name}'s console:\n{await app.GetConsoleTailAsync(name)}");
    }

    private static List<string> ProcessesMentioning(string text) =>
    [
        .. Directory.GetDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return string.Empty; } })
            .Where(cmdline => cmdline.Contains(text, StringComparison.Ordinal)),
    ];
}
