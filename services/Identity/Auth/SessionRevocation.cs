using OpenIddict.Abstractions;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Ends sessions: revokes OpenIddict authorizations and every token issued under them. With token and authorization
/// entry validation on, revoked access tokens stop working at once, not only at expiry.
/// </summary>
public static class SessionRevocation
{
    /// <summary>Ends one session (one authorization and its tokens).</summary>
    public static async Task RevokeSessionAsync(
        IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, string authorizationId, CancellationToken cancellationToken)
    {
        if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
    }

    /// <summary>Ends every session of the user.</summary>
    public static async Task RevokeAllAsync(
        IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, string subject, CancellationToken cancellationToken)
    {
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }

    /// <summary>Ends every session of the user but <paramref name="keepAuthorizationId"/> (all of them when it is null).</summary>
    public static async Task RevokeAllExceptAsync(
        IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, string subject, string? keepAuthorizationId,
        CancellationToken cancellationToken)
    {
        if (keepAuthorizationId is null)
        {
            await RevokeAllAsync(authorizations, tokens, subject, cancellationToken);
            return;
        }

        var others = new List<string>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } id && id != keepAuthorizationId)
            {
                others.Add(id);
            }
        }

        foreach (var id in others)
        {
            await RevokeSessionAsync(authorizations, tokens, id, cancellationToken);
        }

        // Tokens issued without an authorization belong to no session the caller could be keeping.
        var loose = new List<object>();
        await foreach (var token in tokens.FindBySubjectAsync(subject, cancellationToken))
        {
            if (await tokens.GetAuthorizationIdAsync(token, cancellationToken) is null)
            {
                loose.Add(token);
            }
        }

        foreach (var token in loose)
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }
    }
}
