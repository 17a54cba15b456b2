using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using WebRtcChat.Testing;
using static WebRtcChat.Identity.Tests.ResourceCalls;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// Signing key rotation with real servers: Identity (checking its keys every second), Search validating its tokens
/// from discovery and JWKS, the operator's <c>keys rotate</c> command, and time moved by back-dating the stored keys.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class KeyRotationTests(IdentityFixture fixture)
{
    [Fact]
    public async Task After_a_rotation_old_tokens_still_validate_and_new_ones_carry_the_new_key_on_every_instance()
    {
        await using var hosts = await StartAsync(publishAhead: "00:00:00");
        using var identity = hosts.CreateIdentityClient();
        var before = await RegisterAsync(hosts);
        var oldKey = new JsonWebToken(before).Kid;
        Assert.Equal([oldKey], await PublishedKeyIdsAsync(identity));
        using var warmSearch = hosts.CreateSearchClient();
        using (var accepted = await WhoAmIAsync(warmSearch, before))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await using var second = new ServiceFactory<IdentityApp>(hosts.IdentitySettings);
        using var secondClient = second.CreateClient();
        await RotateAsync(hosts);
        await EventuallyAsync(async () => (await PublishedKeyIdsAsync(identity)).Count == 2, "the JWKS lists the new key too");
        var published = await PublishedKeyIdsAsync(identity);
        Assert.Contains(oldKey, published);
        var newKey = Assert.Single(published, kid => kid != oldKey);
        await EventuallyAsync(async () => (await PublishedKeyIdsAsync(secondClient)).Count == 2, "the second instance publishes it too");

        var after = await RegisterAsync(hosts);
        Assert.Equal(newKey, new JsonWebToken(after).Kid);
        var fromSecond = (await new AuthClient(secondClient).RegisterNewAsync()).Body.GetProperty("token").GetString()!;
        Assert.Equal(newKey, new JsonWebToken(fromSecond).Kid);

        // Search started before the rotation fetches the JWKS again on the unknown key id; one started after has both.
        using var freshSearch = await hosts.StartSearchAsync();
        foreach (var token in new[] { before, after, fromSecond })
        {
            await EventuallyAsync(async () => (await WhoAmIAsync(warmSearch, token)).StatusCode == HttpStatusCode.OK, "the warm Search accepts the token");
            using var fresh = await WhoAmIAsync(freshSearch, token);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            using var me = await new AuthClient(identity).MeAsync(token);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        // A restarted instance loads the same keys from the database.
        await using var restarted = new ServiceFactory<IdentityApp>(hosts.IdentitySettings);
        using var restartedClient = restarted.CreateClient();
        Assert.Equal(published.Order(StringComparer.Ordinal), (await PublishedKeyIdsAsync(restartedClient)).Order(StringComparer.Ordinal));
        using var meAfterRestart = await new AuthClient(restartedClient).MeAsync(before);
        Assert.Equal(HttpStatusCode.OK, meAfterRestart.StatusCode);
    }

    [Fact]
    public async Task A_new_key_is_published_ahead_and_signs_only_once_that_time_has_passed()
    {
        await using var hosts = await StartAsync(publishAhead: "01:00:00");
        using var identity = hosts.CreateIdentityClient();
        var oldKey = new JsonWebToken(await RegisterAsync(hosts)).Kid;

        var (exitCode, output) = await RotateAsync(hosts);
        Assert.Contains("pending", output, StringComparison.Ordinal);
        await EventuallyAsync(async () => (await PublishedKeyIdsAsync(identity)).Count == 2, "the JWKS lists the pending key");
        var pendingKey = Assert.Single(await PublishedKeyIdsAsync(identity), kid => kid != oldKey);
        Assert.Equal(0, exitCode);
        Assert.Equal(oldKey, new JsonWebToken(await RegisterAsync(hosts)).Kid);

        await BackdateSigningKeysAsync(hosts, TimeSpan.FromHours(2));
        await EventuallyAsync(
            async () => new JsonWebToken(await RegisterAsync(hosts)).Kid == pendingKey, "the published key signs");
    }

    [Fact]
    public async Task The_key_rotates_by_age_and_a_superseded_key_is_retired_after_its_retention()
    {
        await using var hosts = await StartAsync(publishAhead: "00:00:00", ("Auth:SigningKeys:RetainFor", "01:00:00"));
        using var identity = hosts.CreateIdentityClient();
        var before = await RegisterAsync(hosts);
        var oldKey = new JsonWebToken(before).Kid;

        await BackdateSigningKeysAsync(hosts, TimeSpan.FromDays(31));
        await EventuallyAsync(async () => (await PublishedKeyIdsAsync(identity)).Count == 2, "a 31-day-old key is rotated (RotateAfter 30 days)");
        var after = await RegisterAsync(hosts);
        Assert.NotEqual(oldKey, new JsonWebToken(after).Kid);
        using (var stillValid = await new AuthClient(identity).MeAsync(before))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }

        await BackdateSigningKeysAsync(hosts, TimeSpan.FromHours(2));
        await EventuallyAsync(async () => !(await PublishedKeyIdsAsync(identity)).Contains(oldKey), "the superseded key is retired");
        Assert.Equal([new JsonWebToken(after).Kid], await PublishedKeyIdsAsync(identity));
        Assert.Equal(1L, await ScalarAsync(hosts, "SELECT count(*) FROM server_keys WHERE use = 'sig'"));

        using var freshSearch = await hosts.StartSearchAsync();
        using var rejected = await WhoAmIAsync(freshSearch, before);
        ResourceCalls.AssertRefused(rejected, "signature");
        using var accepted = await WhoAmIAsync(freshSearch, after);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var me = await new AuthClient(identity).MeAsync(before);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task The_keys_command_lists_the_keys_and_refuses_an_unknown_verb()
    {
        await using var hosts = await StartAsync(publishAhead: "00:00:00");
        var kid = new JsonWebToken(await RegisterAsync(hosts)).Kid;

        var (listed, list) = await IdentityCommand.RunAsync(hosts.IdentitySettings, "keys", "list");
        var (refused, usage) = await IdentityCommand.RunAsync(hosts.IdentitySettings, "keys", "shred");

        Assert.Equal(0, listed);
        Assert.Contains($"{kid}  signing", list, StringComparison.Ordinal);
        Assert.Equal(2, refused);
        Assert.Contains("usage", usage, StringComparison.Ordinal);
    }

    private async Task<ResourceServiceHost> StartAsync(string publishAhead, params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Auth:SigningKeys:CheckInterval"] = "00:00:01",
            ["Auth:SigningKeys:PublishAhead"] = publishAhead,
        };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return await ResourceServiceHost.StartAsync(fixture.Infrastructure, await fixture.Infrastructure.CreateDatabaseAsync("identity"), overrides);
    }

    private static async Task<(int ExitCode, string Output)> RotateAsync(ResourceServiceHost hosts)
    {
        var result = await IdentityCommand.RunAsync(hosts.IdentitySettings, "keys", "rotate");
        Assert.True(result.ExitCode == 0, result.Output);
        return result;
    }

    /// <summary>Moves every signing key's creation time back, as if <paramref name="age"/> had passed.</summary>
    private static async Task BackdateSigningKeysAsync(ResourceServiceHost hosts, TimeSpan age) =>
        await ScalarAsync(hosts, $"UPDATE server_keys SET created_at = created_at - interval '{(long)age.TotalSeconds} seconds' WHERE use = 'sig' RETURNING 0");

    private static async Task<object?> ScalarAsync(ResourceServiceHost hosts, string sql)
    {
        await using var connection = new NpgsqlConnection(hosts.IdentitySettings["ConnectionStrings:identitydb"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
