namespace WebRtcChat.Contracts;

/// <summary>A new account was created.</summary>
public sealed record UserRegistered(Guid UserId, string UserName, string Email, DateTimeOffset OccurredAt) : IIntegrationEvent;
