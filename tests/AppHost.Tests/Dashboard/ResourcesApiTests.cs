using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>The dashboard's JSON API over resources: what the orchestrator reports, live, and the command buttons.</summary>
public sealed class ResourcesApiTests
{
    [Fact]
    public async Task The_resource_list_reflects_each_update_of_the_notification_service()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "identity", ResourceType = KnownResourceTypes.Project });
        dashboard.Notifications.Update("identity", s => s with
        {
            State = KnownResourceStates.Running,
            HealthStatus = HealthStatus.Healthy,
            Pid = 4242,
            Restarts = 2,
            Urls = [new ResourceUrl("http", "http://localhost:5123", IsExternal: true)],
        });

        var running = Assert.Single((await dashboard.GetJsonAsync("/api/resources")).EnumerateArray());
        Assert.Equal("identity", running.GetProperty("name").GetString());
        Assert.Equal("Project", running.GetProperty("resourceType").GetString());
        Assert.Equal("Running", running.GetProperty("state").GetString());
        Assert.Equal("Healthy", running.GetProperty("healthStatus").GetString());
        Assert.Equal(4242, running.GetProperty("pid").GetInt32());
        Assert.Equal(2, running.GetProperty("restarts").GetInt32());
        Assert.Equal("http://localhost:5123", running.GetProperty("urls")[0].GetProperty("url").GetString());

        dashboard.Notifications.Update("identity", s => s with { State = KnownResourceStates.Exited, HealthStatus = null, Pid = null, ExitCode = 137 });

        var exited = Assert.Single((await dashboard.GetJsonAsync("/api/resources")).EnumerateArray());
        Assert.Equal("Exited", exited.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, exited.GetProperty("healthStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, exited.GetProperty("pid").ValueKind);
        Assert.Equal(137, exited.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task The_resource_stream_sends_the_full_list_then_each_change()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "redis", ResourceType = KnownResourceTypes.Executable, State = KnownResourceStates.Running });
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "gateway", ResourceType = KnownResourceTypes.Project, State = KnownResourceStates.Running });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await dashboard.Client.GetAsync("/api/resources/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextEventAsync(events, timeout.Token);
        Assert.Equal(["gateway", "redis"], first.EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        dashboard.Notifications.Update("gateway", s => s with { State = KnownResourceStates.Stopping });

        var change = await NextEventAsync(events, timeout.Token);
        Assert.Equal("gateway", change.GetProperty("name").GetString());
        Assert.Equal("Stopping", change.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_resources_console_backlog_is_served_in_order()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "search", ResourceType = KnownResourceTypes.Project });
        dashboard.Logs.Write("search", "listening on http://localhost:5000");
        dashboard.Logs.Write("search", "index missing", isError: true);

        var lines = (await dashboard.GetJsonAsync("/api/resources/search/logs")).EnumerateArray().ToList();

        Assert.Equal(["listening on http://localhost:5000", "index missing"], lines.Select(l => l.GetProperty("text").GetString()));
        Assert.True(lines[1].GetProperty("isError").GetBoolean());
    }

    [Fact]
    public async Task A_command_on_a_known_resource_is_accepted_and_reaches_the_orchestrator()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "analytics", ResourceType = KnownResourceTypes.Project });

        using var response = await dashboard.Client.PostAsync("/api/resources/analytics/commands/restart", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["restart analytics"], dashboard.Commands.Received);
    }

    [Fact]
    public async Task An_unknown_command_is_a_404_problem()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        dashboard.Notifications.Register(new ResourceSnapshot { Name = "analytics", ResourceType = KnownResourceTypes.Project });

        using var response = await dashboard.Client.PostAsync("/api/resources/analytics/commands/explode", null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Unknown command", "explode");
        Assert.Empty(dashboard.Commands.Received);
    }

    [Fact]
    public async Task A_command_on_an_unknown_resource_is_a_404_problem()
    {
        await using var dashboard = await DashboardHarness.StartAsync();

        using var response = await dashboard.Client.PostAsync("/api/resources/nothere/commands/stop", null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Unknown resource", "nothere");
        Assert.Empty(dashboard.Commands.Received);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detailMentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader events, CancellationToken cancellationToken)
    {
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
