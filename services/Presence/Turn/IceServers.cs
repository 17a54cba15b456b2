using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Presence.Turn;

/// <summary>One entry of <c>RTCConfiguration.iceServers</c>.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string Username, string Credential, string CredentialType);

/// <summary>
/// Time-limited TURN credentials in the TURN REST API's shared-secret scheme (what coturn's <c>use-auth-secret</c> checks):
/// the username is <c>&lt;unix expiry&gt;:&lt;user id&gt;</c>, the password base64(HMAC-SHA1(secret, username)).
/// </summary>
public sealed class IceServers(IOptions<TurnOptions> options, TimeProvider time)
{
    public IReadOnlyList<IceServer> For(Guid userId)
    {
        var turn = options.Value;
        if (!turn.IsConfigured)
        {
            return [];
        }

        var expiry = (time.GetUtcNow() + turn.CredentialTtl).ToUnixTimeSeconds();
        var username = string.Create(CultureInfo.InvariantCulture, $"{expiry}:{userId}");
        var address = string.Create(CultureInfo.InvariantCulture, $"{turn.Host}:{turn.Port}");
        return
        [
            new IceServer(
                [$"stun:{address}", $"turn:{address}?transport=udp", $"turn:{address}?transport=tcp"],
                username,
                Credential(turn.Secret!, username),
                "password"),
        ];
    }

    public static string Credential(string secret, string username)
    {
        // HMAC-SHA1 is what the TURN REST API scheme (and coturn) specify; it signs, it does not hash passwords.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
    }
}
