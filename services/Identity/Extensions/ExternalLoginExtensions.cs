using OpenIddict.Client;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Auth.External;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Extensions;

public static class ExternalLoginExtensions
{
    /// <summary>
    /// Sign-in through Google and generic OpenID Connect providers with the OpenIddict client (authorization code +
    /// PKCE, callbacks at each provider's <c>…/callback</c>). Without a configured provider the client is not added.
    /// </summary>
    public static IHostApplicationBuilder AddExternalLogin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExternalLoginOptions>().BindConfiguration(AuthOptions.Section);
        var providers = ExternalProviders.From(builder.Configuration.GetSection(AuthOptions.Section).Get<ExternalLoginOptions>() ?? new());
        builder.Services.AddSingleton(providers);
        builder.Services.AddScoped<ExternalAccounts>();
        builder.Services.AddScoped<ExternalUserNames>();
        builder.Services.AddScoped<ExternalLoginCodes>();
        if (providers.All.Count == 0)
        {
            return builder;
        }

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        // Absolute, under the public address: behind the gateway the request's own host is an internal one.
        var site = builder.Configuration.GetSection(AuthOptions.Section).Get<AccountMailOptions>() ?? new AccountMailOptions();
        builder.Services.ConfigureOptions<ExternalClientCredentialsSetup>();
        builder.Services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();
            client.SetRedirectionEndpointUris([.. providers.All.Select(p => p.CallbackPath.TrimStart('/'))]);
            var aspNetCore = client.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnableErrorPassthrough()
                .DisableAutomaticAuthenticationSchemeForwarding();
            if (auth.AllowsInsecureHttp(builder.Environment))
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            client.UseSystemNetHttp();
            foreach (var provider in providers.All)
            {
                var redirectUri = site.Page(provider.CallbackPath.TrimStart('/'));
                if (provider.Name == ExternalProviders.Google)
                {
                    client.UseWebProviders().AddGoogle(google => google
                        .SetProviderName(provider.Name)
                        .SetProviderDisplayName(provider.DisplayName)
                        .SetClientId(provider.Settings.ClientId!)
                        .SetClientSecret(provider.Settings.ClientSecret!)
                        .SetRedirectUri(redirectUri)
                        .AddScopes(Scopes.Email, Scopes.Profile));
                    continue;
                }

                client.AddRegistration(new OpenIddictClientRegistration
                {
                    Issuer = provider.Settings.Authority,
                    ProviderName = provider.Name,
                    ProviderDisplayName = provider.DisplayName,
                    ClientId = provider.Settings.ClientId,
                    ClientSecret = provider.Settings.ClientSecret,
                    RedirectUri = redirectUri,
                    Scopes = { Scopes.Email, Scopes.Profile },
                });
            }
        });
        return builder;
    }
}
