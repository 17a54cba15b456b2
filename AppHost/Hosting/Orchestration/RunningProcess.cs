using System.Diagnostics;
using System.Text;

namespace Aspire.Hosting.Orchestration;

/// <summary>One started OS process in its own process group, with its output forwarded line by line.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessSpec spec;

    private RunningProcess(Process process, ProcessSpec spec)
    {
        this.process = process;
        this.spec = spec;
        Exited = process.WaitForExitAsync();
    }

    public int Pid => process.Id;

    public Task Exited { get; }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public static RunningProcess Start(ProcessSpec spec, Action<string, bool> output)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (spec.User is not null && ProcessGroup.IsRoot)
        {
            foreach (var argument in new[] { "setpriv", $"--reuid={spec.User}", $"--regid={spec.User}", "--init-groups", "--" })
            {
                info.ArgumentList.Add(argument);
            }
        }

        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Children must not inherit the AppHost's own ASP.NET Core and telemetry settings.
        foreach (var key in info.Environment.Keys.Where(IsHostOnlyVariable).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data, true); } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningProcess(process, spec);
    }

    /// <summary>Asks the group to stop with the process's own stop signal, then kills what is left after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!ProcessGroup.IsAlive(Pid))
        {
            return;
        }

        ProcessGroup.Signal(Pid, spec.StopSignal);
        var deadline = DateTime.UtcNow + grace;
        while (ProcessGroup.IsAlive(Pid) && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(Exited, Task.Delay(100));
            if (process.HasExited && !ProcessGroup.IsAlive(Pid))
            {
                break;
            }
        }

        if (ProcessGroup.IsAlive(Pid))
        {
            ProcessGroup.Signal(Pid, ProcessGroup.SIGKILL);
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsHostOnlyVariable(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || key.StartsWith("OTEL_", StringComparison.Ordinal)
        || key.StartsWith("DOTNET_DASHBOARD_", StringComparison.Ordinal)
        || key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || key.StartsWith("services__", StringComparison.Ordinal)
        || key.StartsWith("AppHost__", StringComparison.Ordinal)
        || key.StartsWith("Dashboard__", StringComparison.Ordinal)
        || key.StartsWith("Parameters__", StringComparison.Ordinal);
}
