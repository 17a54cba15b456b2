namespace WebRtcChat.Presence.Calls;

/// <summary>A call action the rules do not allow; the hub turns it into a <c>HubException</c> with this message.</summary>
public class CallRefusedException(string message) : Exception(message);

/// <summary>The user is already in <paramref name="otherCallId"/>: they may accept with switch to leave it first.</summary>
public sealed class CallBusyException(Guid userId, Guid otherCallId)
    : CallRefusedException("You are already in another call; accept with switch=true to leave it.")
{
    public Guid UserId { get; } = userId;

    public Guid OtherCallId { get; } = otherCallId;
}
