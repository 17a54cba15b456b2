using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Orchestration;

namespace WebRtcChat.Testing;

/// <summary>
/// The whole application, run the way an operator runs it: the built AppHost as its own process,
/// on free ports, with its data in a fresh folder. Stopped with SIGTERM like Ctrl+C.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private readonly bool ownsDataDirectory;

    private AppHostProcess(Process process, Uri gatewayUrl, Uri dashboardUrl, string dataDirectory, bool ownsDataDirectory)
    {
        this.ownsDataDirectory = ownsDataDirectory;
        this.process = process;
        GatewayUrl = gatewayUrl;
        DashboardUrl = dashboardUrl;
        DataDirectory = dataDirectory;
        Dashboard = new HttpClient { BaseAddress = dashboardUrl, Timeout = TimeSpan.FromSeconds(10) };
        Gateway = new HttpClient { BaseAddress = gatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri GatewayUrl { get; }

    public Uri DashboardUrl { get; }

    public string DataDirectory { get; }

    public HttpClient Dashboard { get; }

    public HttpClient Gateway { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join('\n', output);

    /// <summary>Starts the AppHost; with <paramref name="dataDirectory"/> it reuses (and keeps) existing data, as a second run does.</summary>
    public static AppHostProcess Start(string? dataDirectory = null)
    {
        var root = TestFolders.RepositoryRoot;
        var appHost = Path.Combine(root, "AppHost", "bin", Configuration, "net10.0", "AppHost.dll");
        if (!File.Exists(appHost))
        {
            throw new InvalidOperationException($"{appHost} is missing; build the solution in {Configuration} first.");
        }

        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= TestFolders.Create("app");
        var gatewayPort = PortAllocator.FreePort();
        var dashboardPort = PortAllocator.FreePort();
        var otlpPort = PortAllocator.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "AppHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appHost);
        info.Environment["Gateway__Port"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Dashboard__Url"] = $"http://localhost:{dashboardPort}";
        info.Environment["Dashboard__OtlpHttpUrl"] = $"http://localhost:{otlpPort}";
        info.Environment["AppHost__DataDirectory"] = dataDirectory;

        // The whole-application tests sign up and sign in many users from one address within a minute; the credential
        // limit itself is tested against the gateway alone (Gateway.Tests), so here it only needs to stay out of the way.
        info.Environment["Gateway__RateLimiting__Credentials__PermitLimit"] = "200";
        var process = new Process { StartInfo = info };
        var host = new AppHostProcess(process, new Uri($"http://localhost:{gatewayPort}"), new Uri($"http://localhost:{dashboardPort}"), dataDirectory, ownsDataDirectory);
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The dashboard's view of every resource.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetResourcesAsync()
    {
        var resources = await Dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources");
        return resources ?? [];
    }

    public async Task<JsonElement> GetResourceAsync(string name) =>
        (await GetResourcesAsync()).Single(r => r.GetProperty("name").GetString() == name);

    /// <summary>The last <paramref name="lines"/> lines of a resource's console as the dashboard keeps it (to explain a failure).</summary>
    public async Task<string> GetConsoleTailAsync(string name, int lines = 60)
    {
        var backlog = await Dashboard.GetFromJsonAsync<JsonElement[]>($"/api/resources/{name}/logs") ?? [];
        return string.Join('\n', backlog.TakeLast(lines).Select(line => line.GetProperty("text").GetString()));
    }

    /// <summary>Waits until every resource is Running and Healthy and the gateway's aggregate /health says Healthy.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer from the dashboard";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                var resources = await GetResourcesAsync();
                var notReady = resources.Where(r => !IsHealthy(r)).Select(Describe).ToList();
                if (resources.Count > 0 && notReady.Count == 0)
                {
                    using var health = await Gateway.GetAsync("/health");
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }

                    last = $"gateway /health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}";
                }
                else
                {
                    last = string.Join("; ", notReady);
                }
            }
            catch (HttpRequestException problem)
            {
                last = problem.Message;
            }
            catch (TaskCanceledException problem)
            {
                last = problem.Message;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The application was not healthy within {timeout}: {last}\n{Output}");
    }

    public static bool IsHealthy(JsonElement resource) =>
        resource.GetProperty("state").GetString() == "Running"
        && resource.TryGetProperty("healthStatus", out var health) && health.GetString() == "Healthy";

    /// <summary>Ctrl+C: SIGTERM to the AppHost, then wait for it to finish stopping everything.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        ProcessGroup.SignalProcess(process.Id, ProcessGroup.SIGTERM);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost did not stop within {timeout}.\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            Dashboard.Dispose();
            Gateway.Dispose();
            process.Dispose();
            if (ownsDataDirectory)
            {
                TestFolders.Delete(DataDirectory);
            }
        }
    }

    private static string Describe(JsonElement resource) =>
        $"{resource.GetProperty("name").GetString()}={resource.GetProperty("state").GetString()}/{(resource.TryGetProperty("healthStatus", out var h) ? h.ToString() : "?")}";

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 400)
        {
            output.TryDequeue(out _);
        }
    }
}
