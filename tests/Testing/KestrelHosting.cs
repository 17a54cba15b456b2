using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace WebRtcChat.Testing;

/// <summary>Runs an in-process service on a real socket, for callers that need HTTP (discovery, JWKS, browsers, benchmarks).</summary>
public static class KestrelHosting
{
    /// <summary>Starts the factory's server with Kestrel on a free loopback port and returns its base address.</summary>
    public static Uri ListenOnFreePort<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory) where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(0);
        factory.StartServer();
        return new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }
}
