using Microsoft.AspNetCore.HttpOverrides;
using WebRtcChat.Identity.Auth;

namespace WebRtcChat.Identity.Extensions;

public static class LoginRateLimitExtensions
{
    /// <summary>
    /// Login attempt limits per account and per client address, counted in Redis (<c>ConnectionStrings:redis</c>).
    /// The client address is the <c>X-Forwarded-For</c> of a trusted proxy (loopback, plus
    /// <c>Auth:LoginRateLimit:TrustedProxyNetworks</c>), else the connection's.
    /// </summary>
    public static IHostApplicationBuilder AddLoginRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoginRateLimitOptions>()
            .BindConfiguration(LoginRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.PerAccount.PermitLimit > 0 && o.PerIp.PermitLimit > 0 && o.PerAccount.Window > TimeSpan.Zero && o.PerIp.Window > TimeSpan.Zero,
                "Auth:LoginRateLimit:PerAccount and PerIp need a positive PermitLimit and Window.")
            .Validate(o => o.TrustedProxyNetworks.TrueForAll(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Auth:LoginRateLimit:TrustedProxyNetworks must be CIDR networks.")
            .ValidateOnStart();
        builder.AddRedisClient("redis");
        builder.Services.AddSingleton<LoginRateLimiter>();

        var trusted = builder.Configuration.GetSection(LoginRateLimitOptions.Section).Get<LoginRateLimitOptions>()?.TrustedProxyNetworks ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var network in trusted.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
