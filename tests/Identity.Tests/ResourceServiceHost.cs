using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Search;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// Identity listening on a real port (a resource service fetches discovery and JWKS over HTTP) with a configured
/// issuer, and the Search service trusting it through the ServiceDefaults helper, with a test-only
/// <c>GET /whoami</c> behind the default authorization policy that answers the caller's <c>sub</c>.
/// </summary>
internal sealed class ResourceServiceHost : IAsyncDisposable
{
    /// <summary>The public address tokens are issued under, as the AppHost sets it (the gateway's).</summary>
    public static readonly Uri Issuer = IdentityHost.Issuer;

    private readonly TestInfrastructure infrastructure;
    private readonly IdentityHost identity;
    private readonly List<WebApplicationFactory<SearchApp>> searches = [];

    private ResourceServiceHost(TestInfrastructure infrastructure, IdentityHost identity)
    {
        this.infrastructure = infrastructure;
        this.identity = identity;
    }

    /// <summary>The configuration Identity runs with, to run its command line or another instance on the same database.</summary>
    public IReadOnlyDictionary<string, string> IdentitySettings => identity.Settings;

    /// <summary>The port Identity listens on (its tokens still name <see cref="Issuer"/>).</summary>
    public Uri IdentityAddress => identity.Address;

    public HttpClient CreateIdentityClient() => identity.Factory.CreateClient();

    /// <summary>A client of the Search instance started with the host (it keeps the discovery and keys it fetched).</summary>
    public HttpClient CreateSearchClient() => searches[0].CreateClient();

    /// <summary>Starts Identity on <paramref name="identityDatabase"/> and Search on a fresh database of its own.</summary>
    public static async Task<ResourceServiceHost> StartAsync(
        TestInfrastructure infrastructure, string identityDatabase, IReadOnlyDictionary<string, string>? identityOverrides = null)
    {
        var identity = await IdentityHost.StartAsync(infrastructure, identityDatabase, settings =>
        {
            IdentityFixture.AddClients(settings);
            foreach (var (key, value) in identityOverrides ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }
        });
        var host = new ResourceServiceHost(infrastructure, identity);
        await host.StartSearchAsync();
        return host;
    }

    /// <summary>Starts another Search instance on a fresh database; it fetches discovery and keys on its first token.</summary>
    public async Task<HttpClient> StartSearchAsync()
    {
        var searchSettings = ServiceSettings.For(infrastructure, await infrastructure.CreateDatabaseAsync("search"), "searchdb");
        identity.Trust(searchSettings);
        var search = new ServiceFactory<SearchApp>(searchSettings)
            .WithWebHostBuilder(web => web.ConfigureServices(services => services.AddTransient<IStartupFilter, WhoAmI>()));
        searches.Add(search);
        return search.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var search in searches)
        {
            await search.DisposeAsync();
        }

        await identity.DisposeAsync();
    }

    /// <summary><c>GET /whoami</c>: the default policy's verdict (401 when unauthenticated), else the <c>sub</c> claim.</summary>
    private sealed class WhoAmI : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/whoami", whoami => whoami.UseAuthentication().Run(async context =>
            {
                var policy = await context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>().GetDefaultPolicyAsync();
                var evaluator = context.RequestServices.GetRequiredService<IPolicyEvaluator>();
                var authentication = await evaluator.AuthenticateAsync(policy, context);
                var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
                if (!authorization.Succeeded)
                {
                    await context.ChallengeAsync();
                    return;
                }

                await context.Response.WriteAsync(context.User.FindFirst("sub")?.Value ?? string.Empty);
            }));
            next(app);
        };
    }
}
