using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace WebRtcChat.Identity.Security;

/// <summary>Hands the persisted keys to OpenIddict: RS256 for signing, RSA-OAEP for the (refresh) tokens it encrypts.</summary>
internal sealed class ServerCredentialsSetup(ServerKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
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
