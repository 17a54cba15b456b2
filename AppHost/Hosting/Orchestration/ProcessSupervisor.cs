using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Runs one process resource: prepares it, starts it (companions first), restarts it with
/// back-off when it crashes (counting each restart), and stops it on request.
/// </summary>
internal sealed class ProcessSupervisor(
    LaunchContext context,
    ProcessLaunchAnnotation launch,
    ResourceNotificationService notifications,
    PidRegistry pids,
    TimeProvider time)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<RunningProcess> companions = [];
    private CancellationTokenSource? running;
    private RunningProcess? main;
    private Task loop = Task.CompletedTask;
    private ProcessSpec? spec;

    private string Name => context.Resource.Name;

    public async Task StartAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (running is not null)
            {
                return;
            }

            running = new CancellationTokenSource();
            loop = Task.Run(() => RunAsync(running.Token));
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (running is null)
            {
                return;
            }

            notifications.Update(Name, s => s with { State = KnownResourceStates.Stopping, HealthStatus = null });
            await running.CancelAsync();
            await StopProcessesAsync();
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            running.Dispose();
            running = null;
            notifications.Update(Name, s => s with
            {
                State = KnownResourceStates.Exited,
                StateMessage = "Stopped",
                HealthStatus = null,
                Pid = null,
                StoppedAt = time.GetUtcNow(),
            });
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var startedAt = time.GetUtcNow();
            try
            {
                await LaunchAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception problem)
            {
                var message = problem is DistributedApplicationException ? problem.Message : $"{Name}: failed to start: {problem.Message}";
                context.Logger.LogError(problem, "Resource {Resource} failed to start", Name);
                context.Log(message, isError: true);
                notifications.Update(Name, s => s with { State = KnownResourceStates.FailedToStart, StateMessage = message, Pid = null });
                return;
            }

            await main!.Exited.WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var exitCode = main.ExitCode;
            context.Logger.LogWarning("Resource {Resource} exited unexpectedly with code {ExitCode}", Name, exitCode);
            context.Log($"[apphost] process exited with code {exitCode}", isError: true);
            await StopProcessesAsync();
            notifications.Update(Name, s => s with
            {
                State = KnownResourceStates.Exited,
                StateMessage = $"Exited with code {exitCode}",
                ExitCode = exitCode,
                HealthStatus = null,
                Pid = null,
                StoppedAt = time.GetUtcNow(),
            });
            if (!launch.RestartOnExit)
            {
                return;
            }

            failures = time.GetUtcNow() - startedAt > StableRun ? 0 : failures + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, failures - 1))));
            context.Log($"[apphost] restarting in {delay.TotalSeconds:0} s");
            try
            {
                await Task.Delay(delay, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            notifications.Update(Name, s => s with { Restarts = s.Restarts + 1 });
        }
    }

    private async Task LaunchAsync(CancellationToken stopping)
    {
        notifications.Update(Name, s => s with { State = KnownResourceStates.Starting, StateMessage = null, HealthStatus = null, ExitCode = null });
        spec = await launch.Launcher.PrepareAsync(context, stopping);
        foreach (var companion in spec.Companions)
        {
            var process = RunningProcess.Start(companion, (line, isError) => context.Log(line, isError));
            companions.Add(process);
            pids.Record(Name, companions.Count, process.Pid, companion);
            if (companion.ListensOnPort is { } port)
            {
                await WaitForPortAsync(port, process, stopping);
            }
        }

        main = RunningProcess.Start(spec, (line, isError) => context.Log(line, isError));
        pids.Record(Name, 0, main.Pid, spec);
        context.Log($"[apphost] started pid {main.Pid}: {spec.CommandLine}");
        notifications.Update(Name, s => s with
        {
            State = KnownResourceStates.Running,
            Pid = main.Pid,
            StartedAt = time.GetUtcNow(),
            StoppedAt = null,
        });
        _ = RunWhenHealthyAsync(stopping);
    }

    private async Task RunWhenHealthyAsync(CancellationToken stopping)
    {
        try
        {
            await notifications.WaitForResourceHealthyAsync(Name, stopping);
            await launch.Launcher.OnHealthyAsync(context, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception problem)
        {
            context.Logger.LogError(problem, "Resource {Resource} failed its post-start step", Name);
            context.Log($"[apphost] post-start step failed: {problem.Message}", isError: true);
        }
    }

    private async Task StopProcessesAsync()
    {
        if (main is not null)
        {
            await main.StopAsync(StopGrace);
            await main.DisposeAsync();
            pids.Forget(Name, 0);
            main = null;
        }

        for (var i = companions.Count - 1; i >= 0; i--)
        {
            await companions[i].StopAsync(StopGrace);
            await companions[i].DisposeAsync();
            pids.Forget(Name, i + 1);
        }

        companions.Clear();
    }

    private static async Task WaitForPortAsync(int port, RunningProcess process, CancellationToken stopping)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.Exited.IsCompleted)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, stopping);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, stopping);
            }
        }

        throw new InvalidOperationException($"helper process did not listen on port {port}");
    }
}
