using System.Diagnostics;
using Aspire.Hosting.Orchestration;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench;

/// <summary>
/// A built service run as its own process (as the AppHost runs it), on a free loopback port, logging off, configured
/// through environment variables: so its memory and CPU time are its own, apart from the load generator's. Disposing
/// stops it with SIGTERM, as Ctrl+C would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly string[] QuietCategories = ["Default", "Microsoft", "Microsoft.AspNetCore", "MassTransit", "Microsoft.EntityFrameworkCore"];
    private readonly Process process;

    private ServiceProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Pid => process.Id;

    public ProcessUsage Usage() => ProcessUsage.Of(process.Id);

    /// <summary>
    /// Starts <c>services/<paramref name="service"/></c>'s built assembly with <paramref name="settings"/> (configuration
    /// keys, as a service gets them from the AppHost) and waits until its <c>/alive</c> answers.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(TestFolders.RepositoryRoot, "services", service);
        var assembly = Path.Combine(directory, "bin", Configuration, "net10.0", service + ".dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing; build the solution in {Configuration} first.");
        }

        var url = new Uri($"http://127.0.0.1:{PortAllocator.FreePort()}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(assembly);
        info.Environment["ASPNETCORE_URLS"] = url.AbsoluteUri;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var category in QuietCategories)
        {
            info.Environment[$"Logging__LogLevel__{category}"] = "None";
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{service} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new ServiceProcess(process, url);
        try
        {
            await started.WaitUntilAliveAsync(service);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            ProcessGroup.SignalProcess(process.Id, ProcessGroup.SIGTERM);
            using var wait = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private async Task WaitUntilAliveAsync(string service)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{service} exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative));
                if (alive.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{service} did not answer /alive within {StartTimeout}.");
    }
}
