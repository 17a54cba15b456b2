using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>The delivery run's rooms: consecutive users in groups of the room size, the first of each the owner.</summary>
internal sealed record ChatRooms(Guid[] Ids, TestUser[][] Members)
{
    public static async Task<ChatRooms> CreateAsync(HttpClient messaging, TestUser[] users, int roomSize)
    {
        var members = users.Chunk(roomSize).Where(room => room.Length == roomSize).ToArray();
        var ids = new Guid[members.Length];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(members.Select(async (room, i) =>
        {
            await gate.WaitAsync();
            try
            {
                ids[i] = await ChatCalls.CreateGroupAsync(messaging, room[0], $"presence bench {i}", room.Skip(1).Select(u => u.Id));
            }
            finally
            {
                gate.Release();
            }
        }));
        return new ChatRooms(ids, members);
    }

    /// <summary>Message <paramref name="message"/> goes to room <c>message % rooms</c>, from its members in turn.</summary>
    public (Guid Room, TestUser Sender) ForMessage(int message) =>
        (Ids[message % Ids.Length], Members[message % Ids.Length][message / Ids.Length % Members[0].Length]);
}
