using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>How the dashboard starts: on the configured addresses, or with one line saying what to change.</summary>
public sealed class DashboardStartupTests
{
    [Fact]
    public async Task A_dashboard_port_in_use_stops_startup_with_one_clear_line()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var problem = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            DashboardHarness.StartAsync(url: $"http://localhost:{port}"));

        Assert.Equal(
            $"The dashboard cannot listen on http://localhost:{port}: the port is in use. Set Dashboard:Url to another address.",
            problem.Message);
    }

    [Fact]
    public async Task An_otlp_port_in_use_names_the_otlp_setting()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var problem = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            DashboardHarness.StartAsync(otlpUrl: $"http://127.0.0.1:{port}"));

        Assert.Equal(
            $"The dashboard cannot listen on http://127.0.0.1:{port}: the port is in use. Set Dashboard:OtlpHttpUrl to another address.",
            problem.Message);
    }

    [Fact]
    public async Task Port_zero_is_replaced_by_the_bound_port_before_projects_are_launched()
    {
        await using var dashboard = await DashboardHarness.StartAsync();

        Assert.NotEqual(0, dashboard.Options.Url.Port);
        Assert.NotEqual(0, dashboard.Options.OtlpHttpUrl.Port);
        using var response = await dashboard.Client.GetAsync("/api/resources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_page_is_one_self_contained_document_with_every_view()
    {
        await using var dashboard = await DashboardHarness.StartAsync();

        using var response = await dashboard.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var view in new[] { "resources", "console", "traces", "logs" })
        {
            Assert.Contains($"data-view=\"{view}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("new EventSource", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }
}
