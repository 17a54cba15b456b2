using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;
using WebRtcChat.Identity.Security;

namespace WebRtcChat.Identity.Extensions;

public static class SigningKeyExtensions
{
    /// <summary>
    /// The token server's persisted keys and their rotation: loaded at start-up, re-read periodically, and handed to
    /// OpenIddict's server and local validation again whenever they change.
    /// </summary>
    public static IHostApplicationBuilder AddSigningKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningKeyOptions>()
            .BindConfiguration(SigningKeyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<KeyRingChangeTokens>();
        builder.Services.AddSingleton<ServerKeyStore>();
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddHostedService<ServerKeyInitializer>();
        builder.Services.AddHostedService<SigningKeyRotator>();
        builder.Services.ConfigureOptions<ServerCredentialsSetup>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(services =>
            new KeyRingChangeSource<OpenIddictServerOptions>(services.GetRequiredService<KeyRingChangeTokens>().ForServer));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>>(services =>
            new KeyRingChangeSource<OpenIddictValidationOptions>(services.GetRequiredService<KeyRingChangeTokens>().ForValidation));
        return builder;
    }
}
