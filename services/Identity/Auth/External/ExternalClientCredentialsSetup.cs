using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;
using WebRtcChat.Identity.Security;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>
/// Hands the server's persisted keys to the OpenIddict client too, for the state tokens it round-trips through the
/// provider: any instance can then finish a login another instance started.
/// </summary>
internal sealed class ExternalClientCredentialsSetup(ServerKeyRing keys) : IConfigureOptions<OpenIddictClientOptions>
{
    public void Configure(OpenIddictClientOptions options)
    {
        foreach (var key in keys.SigningKeys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.EncryptionKeys)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
