using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Identity;
using WebRtcChat.Search;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Identity;

/// <summary>
/// The real stores, then Identity, Search (a resource service validating Identity's tokens, with a bench-only
/// authenticated <c>GET /bench/whoami</c>) and the gateway in front of them (see <see cref="BenchStack"/>).
/// </summary>
internal sealed class IdentityStack : BenchServices
{
    public const string WhoAmIPath = "/bench/whoami";

    public WebApplicationFactory<IdentityApp> Identity { get; private set; } = null!;

    public WebApplicationFactory<SearchApp> Search { get; private set; } = null!;

    public Uri IdentityUrl { get; private set; } = null!;

    public Uri SearchUrl { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    protected override async Task StartServicesAsync(BenchStack stack)
    {
        (Identity, IdentityUrl) = await stack.StartIdentityAsync();
        var (searchSettings, _) = await stack.SettingsWithDatabaseAsync("searchdb");
        BenchStack.TrustIdentity(searchSettings, IdentityUrl);
        (Search, SearchUrl) = stack.Start(new ServiceFactory<SearchApp>(searchSettings),
            web => web.ConfigureServices(s => s.AddTransient<IStartupFilter, WhoAmI>()));
        GatewayUrl = stack.StartGateway(new Dictionary<string, Uri>(StringComparer.Ordinal) { ["search"] = SearchUrl }, IdentityUrl);
    }

    /// <summary><c>GET /bench/whoami</c>: the caller's <c>sub</c> when the bearer token validates, else 401.</summary>
    private sealed class WhoAmI : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(WhoAmIPath, whoami => whoami.UseAuthentication().Run(context =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return context.Response.WriteAsync(context.User.FindFirst("sub")?.Value ?? string.Empty);
            }));
            next(app);
        };
    }
}
