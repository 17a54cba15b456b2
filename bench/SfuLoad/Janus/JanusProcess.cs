using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using WebRtcChat.Bench.SfuLoad.Servers;

namespace WebRtcChat.Bench.SfuLoad.Janus;

/// <summary>Janus started with a generated config folder on a free port; stopped (SIGTERM, then kill) and its folder deleted on dispose.</summary>
public sealed class JanusProcess : IDisposable
{
    private readonly Process process;
    private readonly string folder;

    private JanusProcess(Process process, string folder, Uri api)
    {
        this.process = process;
        this.folder = folder;
        Api = api;
    }

    public Uri Api { get; }

    public int Id => process.Id;

    public static bool IsInstalled => File.Exists("/usr/bin/janus") && Directory.Exists(JanusConfig.ModulesRoot);

    /// <summary>Starts Janus and waits until its HTTP API answers <c>/janus/info</c>.</summary>
    /// <param name="realtimePriority">Above 0, every Janus thread runs at that real-time priority; else at nice -10.</param>
    public static async Task<JanusProcess> StartAsync(TimeSpan timeout, int realtimePriority = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "janus-" + Guid.NewGuid().ToString("N"));
        var port = FreeTcpPort();
        JanusConfig.Write(folder, port);
        string[] arguments = ["-F", folder, "-C", Path.Combine(folder, "janus.jcfg"), "-o"];
        var start = realtimePriority > 0 ? ServerPriority.Realtime(realtimePriority, "/usr/bin/janus", arguments) : ServerPriority.Raised("/usr/bin/janus", arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Janus did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var janus = new JanusProcess(process, folder, new Uri($"http://127.0.0.1:{port}/janus/"));
        try
        {
            await janus.WaitReadyAsync(timeout);
            return janus;
        }
        catch
        {
            janus.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                term?.WaitForExit();
            }

            if (!process.WaitForExit(5_000))
            {
                process.Kill();
            }
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Janus exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Api, "info"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the request's second.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Janus did not answer on {Api} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
