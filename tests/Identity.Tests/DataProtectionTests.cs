using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>Instances share one Data Protection key ring in the database: what one protects (the login cookie, a form's
/// antiforgery token) another reads, also after a restart.</summary>
[Collection(IdentityCollection.Name)]
public sealed class DataProtectionTests(IdentityFixture fixture)
{
    [Fact]
    public async Task A_payload_protected_by_one_instance_is_read_by_another_and_after_a_restart()
    {
        const string purpose = "WebRtcChat.Tests.LoginCookie";
        var protectedByFirst = fixture.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("signed in");

        // In the database, not in a folder of one machine (the default), so instances on other machines share it.
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.Database))
        {
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
        }

        await using (var second = new ServiceFactory<IdentityApp>(fixture.Settings))
        {
            var protector = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
            Assert.Equal("signed in", protector.Unprotect(protectedByFirst));
        }

        await using var restarted = new ServiceFactory<IdentityApp>(fixture.Settings);
        var reader = restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
        Assert.Equal("signed in", reader.Unprotect(protectedByFirst));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => reader.Unprotect(protectedByFirst[..^4] + "AAAA"));
    }
}
