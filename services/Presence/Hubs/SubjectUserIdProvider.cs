using Microsoft.AspNetCore.SignalR;

namespace WebRtcChat.Presence.Hubs;

/// <summary>A connection belongs to the user in its token's <c>sub</c>, so <c>Clients.User(id)</c> reaches all their devices.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(CallerExtensions.SubjectClaim)?.Value;
}
