using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Data;
using WebRtcChat.ServiceDefaults.Data;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// What <see cref="ClientSeeder"/> last wrote for each client, kept in the registration's properties: a restart with
/// unchanged configuration then leaves the registrations alone without going through OpenIddict's EF stores, so an
/// idle Identity never builds its EF model. The fingerprint is a slow hash (PBKDF2, like a stored password) of the
/// whole descriptor, secret included.
/// </summary>
internal sealed class ClientFingerprints(NpgsqlDatabase<IdentityDbContext> database)
{
    public const string Property = "webrtcchat_seed";
    private const int Iterations = 100_000;

    /// <summary>Stores <paramref name="descriptor"/>'s fingerprint in its properties, for the registration to keep.</summary>
    public static string Stamp(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.Properties.Remove(Property);
        var fingerprint = Of(descriptor);
        descriptor.Properties[Property] = JsonSerializer.SerializeToElement(fingerprint);
        return fingerprint;
    }

    /// <summary>The fingerprints the registrations of <paramref name="clientIds"/> carry (registrations without one are left out).</summary>
    public async Task<Dictionary<string, string>> StoredAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """SELECT "ClientId", "Properties" FROM "OpenIddictApplications" WHERE "ClientId" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", clientIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1) && Read(reader.GetString(1)) is { } fingerprint)
            {
                stored[reader.GetString(0)] = fingerprint;
            }
        }

        return stored;
    }

    private static string? Read(string properties)
    {
        using var json = JsonDocument.Parse(properties);
        return json.RootElement.ValueKind == JsonValueKind.Object
               && json.RootElement.TryGetProperty(Property, out var value)
               && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    private static string Of(OpenIddictApplicationDescriptor descriptor)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     descriptor.ClientId, descriptor.ClientType, descriptor.ApplicationType, descriptor.ConsentType,
                     descriptor.DisplayName, descriptor.ClientSecret,
                 })
        {
            text.Append(field).Append('\n');
        }

        AppendSorted(text, descriptor.Permissions);
        AppendSorted(text, descriptor.Requirements);
        AppendSorted(text, descriptor.RedirectUris.Select(uri => uri.AbsoluteUri));
        AppendSorted(text, descriptor.PostLogoutRedirectUris.Select(uri => uri.AbsoluteUri));
        AppendSorted(text, descriptor.Settings.Select(setting => setting.Key + "=" + setting.Value));
        AppendSorted(text, descriptor.Properties.Select(property => property.Key + "=" + property.Value.GetRawText()));
        var salt = SHA256.HashData(Encoding.UTF8.GetBytes(descriptor.ClientId ?? ""));
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(text.ToString()), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256:{Iterations}:{Convert.ToBase64String(hash)}");
    }

    private static void AppendSorted(StringBuilder text, IEnumerable<string> values)
    {
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            text.Append(value).Append('\u001f');
        }

        text.Append('\n');
    }
}
