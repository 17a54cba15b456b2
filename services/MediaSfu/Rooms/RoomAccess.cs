using System.Net;
using System.Net.Http.Headers;

namespace WebRtcChat.MediaSfu.Rooms;

/// <summary>
/// Whether the caller is a member of a room, asked of Messaging (the system of record) with the caller's own token: a
/// call is created or joined rarely, so the authoritative answer is worth the round trip. Messaging answers 404 to
/// non-members, which is what the caller then gets from us too.
/// </summary>
public sealed class RoomAccess(HttpClient messaging)
{
    public const string ServiceDiscoveryKey = "services:messaging:http:0";

    public async Task<bool> IsMemberAsync(Guid roomId, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/rooms/{roomId}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await messaging.SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound or HttpStatusCode.Forbidden => false,
            _ => throw new HttpRequestException($"Messaging answered {(int)response.StatusCode} to a room membership check.", null, response.StatusCode),
        };
    }
}
