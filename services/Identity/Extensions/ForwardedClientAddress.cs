namespace WebRtcChat.Identity.Extensions;

/// <summary>Reads the client address from a trusted proxy's <c>X-Forwarded-For</c> before anything else runs.</summary>
internal sealed class ForwardedClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        next(app);
    };
}
