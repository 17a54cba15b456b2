namespace WebRtcChat.Identity.Apis;

public sealed record RegisterRequest(string? Username, string? Email, string? Password);

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record UserDto(Guid Id, string Username, string Email, bool EmailConfirmed, DateTimeOffset CreatedAt);

public sealed record AuthResponse(bool Success, string Token, string RefreshToken, int ExpiresIn, UserDto User);
