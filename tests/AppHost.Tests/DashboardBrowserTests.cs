using Microsoft.Playwright;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>The dashboard as an operator sees it, in headless Chromium, on the running application.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardBrowserTests(AppFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Resources =
    [
        "postgres", "identitydb", "messagingdb", "recordingdb", "searchdb", "analyticsdb", "redis", "eventbus", "objectstore", "mail", "turn",
        "identity", "messaging", "presence", "mediasfu", "mediasfu-2", "recording", "search", "analytics", "gateway",
    ];

    private Browser browser = null!;

    public async Task InitializeAsync() => browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    [Fact]
    public async Task Every_resource_is_listed_running_and_healthy()
    {
        var page = await browser.NewPageAsync(fixture.App.DashboardUrl);

        foreach (var name in Resources)
        {
            var row = page.Locator($"tr[data-resource='{name}']");
            await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Running");
            await Assertions.Expect(row.Locator("[data-field='health']")).ToHaveTextAsync("Healthy");
        }

        var gatewayPid = await page.Locator("tr[data-resource='gateway'] [data-field='pid']").InnerTextAsync();
        Assert.True(int.TryParse(gatewayPid, out _), $"gateway pid shown as '{gatewayPid}'");
    }

    [Fact]
    public async Task A_request_through_the_gateway_shows_as_one_trace_across_gateway_and_service()
    {
        using var response = await fixture.App.Gateway.GetAsync("/openapi/identity/v1.json");
        response.EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(fixture.App.DashboardUrl);

        await page.Locator("[data-view='traces']").ClickAsync();
        var trace = page.Locator("[data-trace-id][data-services*='gateway'][data-services*='identity']").First;
        await Assertions.Expect(trace).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await trace.ClickAsync();

        await Assertions.Expect(page.Locator("[data-span-service='gateway']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-span-service='identity']").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Stopping_a_resource_updates_its_row_without_a_reload()
    {
        var page = await browser.NewPageAsync(fixture.App.DashboardUrl);
        await page.EvaluateAsync("() => window.__notReloaded = true");
        var row = page.Locator("tr[data-resource='analytics']");
        await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Running");

        await row.Locator("[data-command='stop']").ClickAsync();
        await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Exited");

        await row.Locator("[data-command='start']").ClickAsync();
        await Assertions.Expect(row.Locator("[data-field='health']")).ToHaveTextAsync("Healthy", new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded");
    }
}
