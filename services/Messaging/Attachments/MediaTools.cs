using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Runs ffprobe and ffmpeg on uploaded files: in a separate process (a decoder flaw cannot reach the service's memory),
/// with a time limit (killed when it passes), and at most one run per core at a time.
/// </summary>
public sealed class MediaTools(IOptions<AttachmentOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The tool's exit code and standard output; null when it did not finish in time.</summary>
    public sealed record Run(int ExitCode, byte[] Output);

    public Task<Run?> FfprobeAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(options.Value.FfprobePath, arguments, cancellationToken);

    public Task<Run?> FfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(options.Value.FfmpegPath, arguments, cancellationToken);

    public void Dispose() => slots.Dispose();

    private async Task<Run?> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            process.StandardInput.Close();
            using var output = new MemoryStream();
            var reading = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.ToolTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await reading;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }

            return new Run(process.ExitCode, output.ToArray());
        }
        finally
        {
            slots.Release();
        }
    }
}
