namespace WebRtcChat.Identity.Auth;

/// <summary>What the token endpoint answered: tokens, or an OAuth error code.</summary>
public sealed record TokenResponse(int StatusCode, string? AccessToken, string? RefreshToken, int ExpiresIn, string? Error, string? ErrorDescription)
{
    public bool Succeeded => StatusCode == StatusCodes.Status200OK && AccessToken is not null;
}
