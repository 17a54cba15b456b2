using System.Diagnostics;
using System.Globalization;
using System.Text;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.Bench.SfuLoad.Servers;

/// <summary>
/// The SFU server process (the running program again, with <c>serve</c>, which hands it to <see cref="SfuServer"/>):
/// commands over its stdin/stdout, CPU time from /proc.
/// </summary>
public sealed class SfuProcess : IDisposable
{
    private const string HelpersOn = "helpers";
    private const string HelpersOff = "no-helpers";

    private readonly Process process;
    private readonly SemaphoreSlim oneCommandAtATime = new(1);

    private SfuProcess(Process process) => this.process = process;

    /// <param name="receiveThreadPriority">The server's receive threads' real-time priority; 0 for normal (nice -10, as Janus).</param>
    /// <param name="fanOutHelpers">Whether its receive threads have fan-out helpers; null for the service's default.</param>
    public static SfuProcess Start(int receiveThreadPriority = 0, bool? fanOutHelpers = null)
    {
        // Run as "dotnet SfuBench.dll" or as the SfuBench executable: start the server the same way.
        var host = Environment.ProcessPath!;
        string[] serve = ["serve", receiveThreadPriority.ToString(CultureInfo.InvariantCulture), fanOutHelpers switch { true => HelpersOn, false => HelpersOff, null => "default-helpers" }];
        string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [System.Reflection.Assembly.GetEntryAssembly()!.Location, .. serve] : serve;
        var start = ServerPriority.Raised(host, arguments);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_gcServer"] = "0";
        return new SfuProcess(Process.Start(start) ?? throw new InvalidOperationException("The SFU process did not start."));
    }

    /// <summary>The fan-out helpers the <c>serve</c> argument <see cref="Start"/> wrote asks for; null for the service's default.</summary>
    public static bool? ParseHelpers(string argument) => argument switch { HelpersOn => true, HelpersOff => false, _ => null };

    public int Id => process.Id;

    public async Task<string> JoinAsync(Guid callId, string offer)
    {
        var reply = await AskAsync($"join {callId} {Convert.ToBase64String(Encoding.UTF8.GetBytes(offer))}");
        return reply.StartsWith("error", StringComparison.Ordinal)
            ? throw new InvalidOperationException(reply)
            : Encoding.UTF8.GetString(Convert.FromBase64String(reply));
    }

    public async Task<int> ConnectedAsync(Guid callId) => int.Parse(await AskAsync($"connected {callId}"), CultureInfo.InvariantCulture);

    /// <summary>Bytes the server allocated since it started, packets it forwarded, its gen-0 collections and its forwarding times' counts.</summary>
    public async Task<SfuServerStats> StatsAsync()
    {
        var parts = (await AskAsync("stats")).Split(' ').Select(part => long.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        const int Histogram = LatencyHistogram.BucketCount;
        return new SfuServerStats(parts[0], parts[1], parts[2], parts[3..(3 + Histogram)], parts[(3 + Histogram)..]);
    }

    /// <summary>The server's resident memory and the CPU time it has used (its threads, live and gone).</summary>
    public ProcessUsage Usage() => ProcessUsage.Of(process.Id);

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5_000))
        {
            process.Kill();
        }

        process.Dispose();
        oneCommandAtATime.Dispose();
    }

    private async Task<string> AskAsync(string command)
    {
        await oneCommandAtATime.WaitAsync();
        try
        {
            await process.StandardOutput.BaseStream.FlushAsync();
            await process.StandardInput.WriteLineAsync(command);
            await process.StandardInput.FlushAsync();
            return await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The SFU process exited.");
        }
        finally
        {
            oneCommandAtATime.Release();
        }
    }
}

public sealed record SfuServerStats(long Allocated, long Forwarded, long Gen0Collections, long[] ForwardingLatency, long[] Handling);
