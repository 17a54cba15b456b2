namespace WebRtcChat.Messaging.Model;

/// <summary>
/// An object the store should lose once <see cref="DueAt"/> passes: the files of a deleted message, or an upload that
/// no message has claimed yet (a message that commits removes its uploads' rows in the same transaction). The sweeper
/// retries until the store confirms.
/// </summary>
public sealed class ObjectCleanup
{
    public required string Key { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int Attempts { get; set; }
}
