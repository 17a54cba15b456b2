using OpenIddict.Abstractions;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// A user's consent to a client, kept as an OpenIddict permanent authorization: once given for a set of scopes, the
/// client is not asked again for them. The tokens issued under it belong to it, so revoking it ends them too.
/// </summary>
public sealed class Consents(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, PrincipalFactory principals)
{
    /// <summary>The id of a valid permanent authorization covering every requested scope, or null.</summary>
    public async Task<string?> FindAsync(User user, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var applicationId = await ApplicationIdAsync(request, cancellationToken);
        await foreach (var authorization in authorizations.FindAsync(
                           user.Id.ToString(), applicationId, Statuses.Valid, AuthorizationTypes.Permanent, request.GetScopes(), cancellationToken))
        {
            return await authorizations.GetIdAsync(authorization, cancellationToken);
        }

        return null;
    }

    /// <summary>Records the user's consent to the requested scopes and returns the new authorization's id.</summary>
    public async Task<string> GrantAsync(User user, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = await principals.CreateAsync(user, request.GetScopes());
        var authorization = await authorizations.CreateAsync(
            principal, user.Id.ToString(), await ApplicationIdAsync(request, cancellationToken), AuthorizationTypes.Permanent, principal.GetScopes(),
            cancellationToken);
        return await authorizations.GetIdAsync(authorization, cancellationToken)
               ?? throw new InvalidOperationException("The authorization was created without an id.");
    }

    public async Task<string> ApplicationNameAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var application = await ApplicationAsync(request, cancellationToken);
        return await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId!;
    }

    private async Task<string> ApplicationIdAsync(OpenIddictRequest request, CancellationToken cancellationToken) =>
        await applications.GetIdAsync(await ApplicationAsync(request, cancellationToken), cancellationToken)
        ?? throw new InvalidOperationException("The client has no id.");

    // OpenIddict has already checked that the client exists.
    private async Task<object> ApplicationAsync(OpenIddictRequest request, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
        ?? throw new InvalidOperationException("The client was not found.");
}
