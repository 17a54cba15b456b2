namespace WebRtcChat.Messaging.Model;

/// <summary>Messaging's copy of an Identity account (from UserRegistered / UserProfileUpdated), so it never calls Identity.</summary>
public sealed class KnownUser
{
    public Guid Id { get; set; }

    public required string UserName { get; set; }

    public string? DisplayName { get; set; }
}
