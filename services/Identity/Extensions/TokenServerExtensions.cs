using OpenIddict.Validation.AspNetCore;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Auth.External;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Extensions;

public static class TokenServerExtensions
{
    /// <summary>
    /// The OpenIddict server (EF Core stores in the identity database, keys persisted there too): discovery, JWKS,
    /// <c>/connect/authorize</c> (authorization code, PKCE as each client requires) and <c>/connect/token</c> with the
    /// authorization_code, password, external login code, rolling refresh_token and client_credentials grants, userinfo,
    /// revocation and end-session; signed, unencrypted JWT access tokens.
    /// Local OpenIddict validation authenticates this service's own API.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var allowHttp = auth.AllowsInsecureHttp(builder.Environment);

        builder.AddSigningKeys();
        builder.Services.AddSingleton<ClientFingerprints>();
        builder.Services.AddHostedService<ClientSeeder>();
        builder.Services.AddSingleton<InProcessTokenClient>();
        builder.Services.AddScoped<Consents>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizeEndpoint.Path.TrimStart('/'))
                    .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'))
                    .SetUserInfoEndpointUris(OidcEndpoints.UserInfoPath.TrimStart('/'))
                    .SetRevocationEndpointUris(OidcEndpoints.RevocationPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(OidcEndpoints.EndSessionPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().AllowPasswordFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow()
                    .AllowCustomFlow(ExternalLoginCodes.GrantType);
                server.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Email, Scopes.Roles);
                server.SetAccessTokenLifetime(auth.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(auth.RefreshTokenLifetime);
                server.SetRefreshTokenReuseLeeway(auth.RefreshTokenReuseLeeway);
                server.DisableAccessTokenEncryption();
                if (auth.Issuer is not null)
                {
                    server.SetIssuer(auth.Issuer);
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.UseAspNetCore();
            });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();
        return builder;
    }
}
