using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// Another service (Search) validates Identity's tokens locally, from discovery and JWKS, through the ServiceDefaults
/// helper: Identity's own tokens pass, anything not signed by a current Identity key for the configured issuer and
/// audience is 401. Hand-made tokens are signed with Identity's real key read from its database, so each differs
/// from a valid one in exactly one respect.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class TokenValidationTests(IdentityFixture fixture) : IAsyncLifetime
{
    private const string Audience = "webrtcchat";
    private ResourceServiceHost? hosts;

    private ResourceServiceHost Hosts => hosts ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => hosts = await ResourceServiceHost.StartAsync(fixture.Infrastructure, fixture.Database);

    public async Task DisposeAsync()
    {
        if (hosts is not null)
        {
            await hosts.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_from_Identity_is_accepted_with_the_callers_subject()
    {
        var token = await ResourceCalls.RegisterAsync(Hosts);

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new JsonWebToken(token).Subject, await response.Content.ReadAsStringAsync());
        Assert.Equal(ResourceServiceHost.Issuer.AbsoluteUri, new JsonWebToken(token).Issuer);
    }

    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token: null);

        ResourceCalls.AssertRefused(response, null);
    }

    [Fact]
    public async Task A_token_made_with_Identitys_key_and_claims_is_accepted()
    {
        // The baseline for the hand-made tokens below: only the one thing each of them changes gets it refused.
        var token = Sign(await TrustedKeyAsync(fixture.Database));

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var signed = new JsonWebToken(await ResourceCalls.RegisterAsync(Hosts));
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"none","typ":"JWT","kid":"{{signed.Kid}}"}"""));
        var token = $"{header}.{signed.EncodedPayload}.";

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        ResourceCalls.AssertRefused(response, "signature");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_same_key_id_is_401()
    {
        var trusted = await TrustedKeyAsync(fixture.Database);
        using var rsa = RSA.Create(2048);
        var forged = Sign(new RsaSecurityKey(rsa) { KeyId = trusted.KeyId });

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, forged);

        ResourceCalls.AssertRefused(response, "signature");
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var now = DateTime.UtcNow;
        var token = Sign(await TrustedKeyAsync(fixture.Database), notBefore: now.AddHours(-2), expires: now.AddHours(-1));

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        ResourceCalls.AssertRefused(response, "expired");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = Sign(await TrustedKeyAsync(fixture.Database), audience: "someone-else");

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        ResourceCalls.AssertRefused(response, "audience");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var token = Sign(await TrustedKeyAsync(fixture.Database), issuer: "http://evil.example.test/");

        using var response = await ResourceCalls.WhoAmIAsync(Hosts, token);

        ResourceCalls.AssertRefused(response, "issuer");
    }

    [Fact]
    public async Task A_token_signed_with_a_key_since_removed_from_Identity_is_401()
    {
        var database = await fixture.Infrastructure.CreateDatabaseAsync("identity");
        string before;
        await using (var first = await ResourceServiceHost.StartAsync(fixture.Infrastructure, database))
        {
            before = await ResourceCalls.RegisterAsync(first);
            using var accepted = await ResourceCalls.WhoAmIAsync(first, before);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await ExecuteAsync(database, "DELETE FROM server_keys WHERE use = 'sig'");
        await using var restarted = await ResourceServiceHost.StartAsync(fixture.Infrastructure, database);

        using var rejected = await ResourceCalls.WhoAmIAsync(restarted, before);
        using var current = await ResourceCalls.WhoAmIAsync(restarted, await ResourceCalls.RegisterAsync(restarted));
        ResourceCalls.AssertRefused(rejected, "signature");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    private static string Sign(
        SecurityKey key, string? issuer = null, string audience = Audience, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? ResourceServiceHost.Issuer.AbsoluteUri,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString() },
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Identity's current signing key, as it stores it (PKCS#8 PEM, key id = row id).</summary>
    private static async Task<RsaSecurityKey> TrustedKeyAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT id, private_key_pem FROM server_keys WHERE use = 'sig' ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "Identity has no signing key");
        var rsa = RSA.Create();
        rsa.ImportFromPem(reader.GetString(1));
        return new RsaSecurityKey(rsa) { KeyId = reader.GetGuid(0).ToString("N") };
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
