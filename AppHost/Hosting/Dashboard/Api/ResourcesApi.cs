using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Aspire.Hosting.Dashboard.Api;

/// <summary>Resources, their console output, and the start/stop/restart commands.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResources(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources");
        group.MapGet("/", (ResourceNotificationService notifications) =>
            TypedResults.Ok(notifications.GetAll().Select(ResourceDto.From)));
        group.MapGet("/stream", (ResourceNotificationService notifications) =>
            new ServerSentEvents<object>(cancellation => WatchAsync(notifications, cancellation)));
        group.MapGet("/{name}/logs", GetLogs);
        group.MapGet("/{name}/logs/stream", StreamLogs);
        group.MapPost("/{name}/commands/{command}", RunCommandAsync);
        return group;
    }

    private static Results<Ok<IReadOnlyList<LogLine>>, ProblemHttpResult> GetLogs(
        string name, ResourceNotificationService notifications, ResourceLoggerService logs) =>
        notifications.Get(name) is null ? UnknownResource(name) : TypedResults.Ok(logs.GetBacklog(name));

    private static IResult StreamLogs(string name, ResourceNotificationService notifications, ResourceLoggerService logs) =>
        notifications.Get(name) is null
            ? UnknownResource(name)
            : new ServerSentEvents<LogLine>(cancellation => logs.WatchAsync(name, cancellation));

    private static async Task<Results<Accepted, ProblemHttpResult>> RunCommandAsync(
        string name, string command, ResourceNotificationService notifications, IResourceCommandService commands, ResourceLoggerService logs)
    {
        if (notifications.Get(name) is null)
        {
            return UnknownResource(name);
        }

        Func<string, CancellationToken, Task>? run = command.ToLowerInvariant() switch
        {
            "start" => commands.StartAsync,
            "stop" => commands.StopAsync,
            "restart" => commands.RestartAsync,
            _ => null,
        };
        if (run is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown command",
                detail: $"'{command}' is not a resource command; the commands are start, stop and restart.");
        }

        // Stopping can take a while (graceful shutdown): the command runs on without the request, and
        // only a refusal that comes at once is reported here; a later failure goes to the resource's console.
        Task execution;
        try
        {
            execution = run(name, CancellationToken.None);
        }
        catch (KeyNotFoundException)
        {
            return NotControllable(name, command);
        }

        await Task.WhenAny(execution, Task.Delay(TimeSpan.FromMilliseconds(200)));
        if (execution.IsFaulted)
        {
            return execution.Exception.InnerException is KeyNotFoundException
                ? NotControllable(name, command)
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Command failed",
                    detail: $"{name}: {command} failed: {execution.Exception.InnerException?.Message}");
        }

        _ = execution.ContinueWith(
            failed => logs.Write(name, $"dashboard: {command} failed: {failed.Exception?.InnerException?.Message}", isError: true),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return TypedResults.Accepted($"/api/resources/{Uri.EscapeDataString(name)}");
    }

    /// <summary>The full list first, then each resource as it changes.</summary>
    private static async IAsyncEnumerable<object> WatchAsync(
        ResourceNotificationService notifications, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = notifications.GetAll();
        var sent = current.ToDictionary(s => s.Name, s => s.Version, StringComparer.Ordinal);
        yield return current.Select(ResourceDto.From).ToArray();

        // The watch replays every snapshot first; skip those the full list already showed.
        await foreach (var snapshot in notifications.WatchAsync(cancellationToken))
        {
            if (sent.TryGetValue(snapshot.Name, out var version) && snapshot.Version <= version)
            {
                continue;
            }

            sent[snapshot.Name] = snapshot.Version;
            yield return ResourceDto.From(snapshot);
        }
    }

    private static ProblemHttpResult UnknownResource(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown resource",
        detail: $"No resource named '{name}'.");

    private static ProblemHttpResult NotControllable(string name, string command) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Resource cannot be controlled",
        detail: $"{name} is not a process the AppHost runs, so it cannot {command}.");
}
