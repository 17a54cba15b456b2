using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebRtcChat.Testing;

/// <summary>
/// Hosts one service in-process, wired to real servers through the same configuration keys the AppHost sets
/// (<c>ConnectionStrings:&lt;name&gt;</c>, <c>services:&lt;name&gt;:http:0</c>).
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TEntryPoint>, IServiceHost
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
