using Microsoft.AspNetCore.HttpOverrides;
using WebRtcChat.Identity.Auth;

namespace WebRtcChat.Identity.Extensions;

public static class LoginRateLimitExtensions
{
    /// <summary>
    /// Login attempt limits per account and per client address, counted in Redis (<c>ConnectionStrings:redis</c>).
    /// The client address is the last <c>X-Forwarded-For</c> entry added by a trusted proxy (loopback, plus
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
            forwarded.ForwardedHeaders |= ForwardedHeaders.XForwardedFor;
            foreach (var network in trusted.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // With ASPNETCORE_FORWARDEDHEADERS_ENABLED (the deployment manifest sets it) ASP.NET Core already runs the
        // middleware, trusting every proxy; running it twice would let a client-sent X-Forwarded-For entry through.
        if (!string.Equals(builder.Configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddTransient<IStartupFilter, ForwardedClientAddress>();
        }

        return builder;
    }
}
