using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace WebRtcChat.Identity.Auth;

/// <summary>OAuth errors handed to OpenIddict, which answers them in the protocol's shape (JSON, or a redirect to the client).</summary>
internal static class ServerErrors
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IResult Forbid(string error, string description) => Results.Forbid(Properties(error, description), [Scheme]);

    public static IResult Challenge(string error, string description) => Results.Challenge(Properties(error, description), [Scheme]);

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
