using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebRtcChat.ServiceDefaults.Tests;

public sealed class KeyRingPreloadTests : IDisposable
{
    private readonly DirectoryInfo keys = Directory.CreateTempSubdirectory("keyring-");

    [Fact]
    public async Task A_bearer_only_service_makes_no_key_ring_at_start_and_one_when_it_first_protects_data()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Identity:Url"] = "http://localhost:5123";
        builder.Services.AddDataProtection().PersistKeysToFileSystem(keys);
        builder.AddDefaultAuthentication();
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Empty(keys.GetFiles());

        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
        Assert.Single(keys.GetFiles());
        await host.StopAsync();
    }

    public void Dispose() => keys.Delete(recursive: true);
}
