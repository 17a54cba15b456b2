using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Server;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>
/// Gives the OpenIddict client the server's credentials (the persisted keys), for the state tokens it round-trips
/// through the provider: any instance can then finish a login another instance started.
/// </summary>
internal sealed class ExternalClientCredentialsSetup(IOptions<OpenIddictServerOptions> server) : IConfigureOptions<OpenIddictClientOptions>
{
    public void Configure(OpenIddictClientOptions options)
    {
        options.SigningCredentials.AddRange(server.Value.SigningCredentials);
        options.EncryptionCredentials.AddRange(server.Value.EncryptionCredentials);
    }
}
