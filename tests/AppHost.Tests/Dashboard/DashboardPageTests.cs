using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>The dashboard page in headless Chromium, fed by a harness instead of the whole application.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddMinutes(-1);
    private DashboardHarness dashboard = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        dashboard = await DashboardHarness.StartAsync();
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await dashboard.DisposeAsync();
    }

    [Fact]
    public async Task Resource_rows_follow_state_changes_live_and_buttons_send_commands()
    {
        dashboard.Notifications.Register(new ResourceSnapshot
        {
            Name = "presence",
            ResourceType = KnownResourceTypes.Project,
            State = KnownResourceStates.Running,
            HealthStatus = HealthStatus.Healthy,
            Pid = 31337,
            StartedAt = DateTimeOffset.UtcNow.AddSeconds(-90),
            Urls = [new ResourceUrl("http", "http://localhost:5301", IsExternal: true)],
        });
        var page = await browser.NewPageAsync(dashboard.Options.Url);
        await page.EvaluateAsync("() => window.__notReloaded = true");
        var row = page.Locator("tr[data-resource='presence']");

        await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Running");
        await Assertions.Expect(row.Locator("[data-field='health']")).ToHaveTextAsync("Healthy");
        await Assertions.Expect(row.Locator("[data-field='pid']")).ToHaveTextAsync("31337");
        await Assertions.Expect(row.Locator("[data-field='endpoints'] a")).ToHaveAttributeAsync("href", "http://localhost:5301");
        await Assertions.Expect(row.Locator("[data-field='uptime']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1m \\d+s$"));

        await row.Locator("[data-command='stop']").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("presence: stop requested");
        Assert.Equal(["stop presence"], dashboard.Commands.Received);

        dashboard.Notifications.Update("presence", s => s with { State = KnownResourceStates.Exited, HealthStatus = null, Pid = null });
        await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Exited");
        await Assertions.Expect(row.Locator("[data-field='health']")).ToHaveTextAsync("");
        await Assertions.Expect(row.Locator("[data-field='pid']")).ToHaveTextAsync("");
        await Assertions.Expect(row.Locator("[data-command='start']")).ToBeEnabledAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded");
    }

    [Fact]
    public async Task A_trace_across_two_services_opens_as_a_waterfall_and_its_logs_are_listed()
    {
        var page = await browser.NewPageAsync(dashboard.Options.Url);
        await page.Locator("[data-view='traces']").ClickAsync();
        dashboard.Telemetry.AddSpans(
        [
            Span("gateway", "a1", parent: null, "GET /api/me", start: 0, end: 40),
            Span("identity", "b2", parent: "a1", "SELECT users", start: 10, end: 30),
        ]);
        dashboard.Telemetry.AddLogs([new LogEntry(T0, "identity", 9, "Information", "User 7 loaded", new Dictionary<string, string>(), TraceId, "b2", null)]);

        var trace = page.Locator("[data-trace-id][data-services*='gateway'][data-services*='identity']").First;
        await Assertions.Expect(trace).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await trace.ClickAsync();
        await Assertions.Expect(page.Locator("[data-span-service='gateway']")).ToContainTextAsync("GET /api/me");
        await Assertions.Expect(page.Locator("[data-span-service='identity']")).ToContainTextAsync("SELECT users");

        await page.Locator("[data-view='logs']").ClickAsync();
        await Assertions.Expect(page.Locator("#log-rows tr").First).ToContainTextAsync("User 7 loaded");
    }

    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    private static SpanRecord Span(string service, string id, string? parent, string name, int start, int end) =>
        new(TraceId, id, parent, name, "Server", service, null, T0.AddMilliseconds(start), T0.AddMilliseconds(end),
            new Dictionary<string, string>(), SpanStatus.Unset, null);
}
