using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Runs a token request through OpenIddict's own token endpoint pipeline in-process (no network hop): the same
/// client, grant and token checks, rolling refresh tokens and reuse detection as a request to <c>/connect/token</c>.
/// </summary>
public sealed class InProcessTokenClient(IServiceScopeFactory scopes)
{
    private const string Scope = $"{Scopes.OpenId} {Scopes.OfflineAccess} {Scopes.Profile} {Scopes.Email} {Scopes.Roles}";
    private static readonly object InProcessMarker = new();

    /// <summary>Whether the token request came from this client (not over the network).</summary>
    public static bool IsInProcess(HttpContext context) => context?.Items.ContainsKey(InProcessMarker) ?? false;

    public Task<TokenResponse> PasswordAsync(HttpContext origin, string login, string password, CancellationToken cancellationToken) =>
        SendAsync(origin, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Parameters.GrantType] = GrantTypes.Password,
            [Parameters.ClientId] = AuthOptions.WebClientId,
            [Parameters.Username] = login,
            [Parameters.Password] = password,
            [Parameters.Scope] = Scope,
        }, cancellationToken);

    public Task<TokenResponse> ExternalLoginAsync(HttpContext origin, string code, CancellationToken cancellationToken) =>
        SendAsync(origin, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Parameters.GrantType] = External.ExternalLoginCodes.GrantType,
            [Parameters.ClientId] = AuthOptions.WebClientId,
            [External.ExternalLoginCodes.CodeParameter] = code,
            [Parameters.Scope] = Scope,
        }, cancellationToken);

    public Task<TokenResponse> RefreshAsync(HttpContext origin, string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(origin, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Parameters.GrantType] = GrantTypes.RefreshToken,
            [Parameters.ClientId] = AuthOptions.WebClientId,
            [Parameters.RefreshToken] = refreshToken,
        }, cancellationToken);

    private async Task<TokenResponse> SendAsync(HttpContext origin, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        // A scope of its own: the authentication handlers are cached per scope and bound to their HttpContext.
        await using var scope = scopes.CreateAsyncScope();
        using var form = new FormUrlEncodedContent(parameters);
        var body = await form.ReadAsByteArrayAsync(cancellationToken);
        using var requestBody = new MemoryStream(body);
        using var responseBody = new MemoryStream();

        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = origin.Request.Scheme;
        context.Request.Host = origin.Request.Host;
        context.Request.PathBase = origin.Request.PathBase;
        context.Request.Path = TokenEndpoint.Path;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = body.Length;
        context.Request.Body = requestBody;
        context.Connection.RemoteIpAddress = origin.Connection.RemoteIpAddress;
        context.Response.Body = responseBody;
        context.Items[InProcessMarker] = true;

        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is not IAuthenticationRequestHandler handler)
        {
            throw new InvalidOperationException("The OpenIddict server handler is not registered.");
        }

        if (!await handler.HandleRequestAsync())
        {
            var result = await TokenEndpoint.ExchangeAsync(context);
            await result.ExecuteAsync(context);
        }

        responseBody.Position = 0;
        using var json = await JsonDocument.ParseAsync(responseBody, cancellationToken: cancellationToken);
        var root = json.RootElement;
        return new TokenResponse(
            context.Response.StatusCode,
            String(root, Parameters.AccessToken),
            String(root, Parameters.RefreshToken),
            root.TryGetProperty(Parameters.ExpiresIn, out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 0,
            String(root, Parameters.Error),
            String(root, Parameters.ErrorDescription));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
