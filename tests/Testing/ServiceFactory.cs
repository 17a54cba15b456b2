using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        // The host counts as started only once its bus is: its queues are bound to their exchanges, so an event a test
        // publishes right away is not dropped by an exchange with no queue yet (a service in production catches up
        // through its durable queues, which exist from its first start).
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
