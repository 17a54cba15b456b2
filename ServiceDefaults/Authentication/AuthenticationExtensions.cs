using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>Validates the access tokens the Identity service issues.</summary>
public static class AuthenticationExtensions
{
    public const string AuthorityKey = "Identity:Url";
    public const string AudienceKey = "Identity:Audience";
    public const string IssuerKey = "Identity:Issuer";
    public const string ServiceDiscoveryKey = "services:identity:http:0";

    /// <summary>
    /// JWT bearer authentication against the Identity service: discovery and keys come from <c>Identity:Url</c>, else the
    /// service-discovery address <c>services:identity:http:0</c>; tokens must carry the issuer <c>Identity:Issuer</c> (when
    /// set, else the one the metadata announces) and the audience <c>Identity:Audience</c> ("webrtcchat" by default).
    /// The default authorization policy requires an authenticated user.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var authority = ResolveAuthority(builder.Configuration);
        var settings = builder.Configuration.GetSection(TokenValidationOptions.Section).Get<TokenValidationOptions>() ?? new();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority.ToString();
                options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                options.MapInboundClaims = false;
                options.Audience = settings.Audience;
                options.AutomaticRefreshInterval = settings.MetadataRefreshInterval;
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                if (settings.Issuer is not null)
                {
                    options.TokenValidationParameters.ValidIssuers = [settings.Issuer.AbsoluteUri, settings.Issuer.AbsoluteUri.TrimEnd('/')];
                }
            });
        builder.Services.WithoutKeyRingPreload();

        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build());
        return builder;
    }

    /// <summary>The Identity service's base address from configuration; throws when neither source is set.</summary>
    public static Uri ResolveAuthority(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[AuthorityKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration[ServiceDiscoveryKey];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"No token authority configured: set '{AuthorityKey}' or reference the identity service from the AppHost ('{ServiceDiscoveryKey}').");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var authority)
            ? authority
            : throw new InvalidOperationException($"The token authority '{value}' is not an absolute URL.");
    }
}
