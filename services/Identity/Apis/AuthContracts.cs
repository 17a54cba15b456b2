namespace WebRtcChat.Identity.Apis;

public sealed record RegisterRequest(string? Username, string? Email, string? Password);

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record UserDto(Guid Id, string Username, string Email, bool EmailConfirmed, StatsDto Stats, DateTimeOffset CreatedAt);

public sealed record AuthResponse(bool Success, string Token, string RefreshToken, int ExpiresIn, UserDto User);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ForgotPasswordResponse(bool Success, string Message);

public sealed record ResetPasswordRequest(string? Token, string? Password);

public sealed record ConfirmEmailRequest(string? Token);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeleteAccountRequest(string? Password);

public sealed record ExternalLoginExchangeRequest(string? Code);
