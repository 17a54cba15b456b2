using System.Data.Common;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Presence.Turn;

/// <summary>
/// The <c>Presence:Turn</c> section: the TURN/STUN server clients are given and the secret it shares with Presence (TURN
/// REST API scheme). Unset values come from the <c>turn</c> connection string the AppHost passes
/// (<c>Host=…;Port=…;Secret=…</c>); without either, no ICE servers are offered.
/// </summary>
public sealed class TurnOptions
{
    public const string Section = "Presence:Turn";
    public const string ConnectionName = "turn";

    /// <summary>The host (name or IP) clients reach the TURN server at; its public address in a deployment.</summary>
    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>coturn's <c>static-auth-secret</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>How long the issued credentials are valid (calls longer than this cannot refresh their relay).</summary>
    public TimeSpan CredentialTtl { get; set; } = TimeSpan.FromHours(12);

    public bool IsConfigured => !string.IsNullOrEmpty(Host) && Port is > 0 && !string.IsNullOrEmpty(Secret);
}

/// <summary>Fills what configuration left unset from the <c>turn</c> connection string.</summary>
internal sealed class TurnConnectionString(IConfiguration configuration) : IPostConfigureOptions<TurnOptions>
{
    public void PostConfigure(string? name, TurnOptions options)
    {
        if (configuration.GetConnectionString(TurnOptions.ConnectionName) is not { Length: > 0 } connectionString)
        {
            return;
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        options.Host ??= Value(parts, "Host");
        options.Port ??= Value(parts, "Port") is { } port ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : null;
        options.Secret ??= Value(parts, "Secret");
    }

    private static string? Value(DbConnectionStringBuilder parts, string key) => parts.TryGetValue(key, out var value) ? value?.ToString() : null;
}
