using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;
using WebRtcChat.ServiceDefaults.ObjectStorage;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Message files in the object store, and the bookkeeping that keeps the store free of orphans: an upload is reserved
/// (an <see cref="ObjectCleanup"/> row due after a grace period) before it is stored, the message's transaction claims
/// it (removes the row), and deletions are scheduled in the deleting transaction and carried out after the commit,
/// with the sweeper (<see cref="ObjectCleanupService"/>) retrying whatever could not be deleted at once.
/// </summary>
public sealed partial class AttachmentStore(ObjectStore store, IOptions<AttachmentOptions> options, TimeProvider time, ILogger<AttachmentStore> logger)
{
    /// <summary>Records, and commits, that these keys are about to be stored and belong to nothing yet.</summary>
    public async Task ReserveAsync(MessagingDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + options.Value.UnclaimedUploadGrace;
        db.ObjectCleanups.AddRange(keys.Select(key => new ObjectCleanup { Key = key, DueAt = due }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Removes the reservations of a message's files, in the transaction that saves the message.</summary>
    public static Task ClaimAsync(MessagingDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.ObjectCleanups.Where(c => keys.Contains(c.Key)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Schedules deletion of these keys, in the caller's transaction (so it happens only if that commits).</summary>
    public void ScheduleDeletion(MessagingDbContext db, IEnumerable<string> keys)
    {
        var now = time.GetUtcNow();
        db.ObjectCleanups.AddRange(keys.Select(key => new ObjectCleanup { Key = key, DueAt = now }));
    }

    /// <summary>Stores the file (and its thumbnail) under the keys in <paramref name="stored"/>.</summary>
    public async Task PutAsync(InspectedFile file, Attachment stored, CancellationToken cancellationToken)
    {
        await using (var content = File.OpenRead(file.Source.Path))
        {
            await store.PutAsync(stored.Key, content, content.Length, stored.MimeType, cancellationToken);
        }

        if (file.Thumbnail is { } thumbnail && stored.ThumbnailKey is { } thumbnailKey)
        {
            using var content = new MemoryStream(thumbnail, writable: false);
            await store.PutAsync(thumbnailKey, content, thumbnail.Length, Thumbnails.MimeType, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the objects now and forgets their cleanup rows. Failures are logged, not thrown (what this follows has
    /// committed); their rows stay, so the sweeper tries again. Not cancelled with the request, for the same reason.
    /// </summary>
    public async Task DeleteNowAsync(MessagingDbContext db, IReadOnlyCollection<string> keys)
    {
        var deleted = new List<string>();
        foreach (var key in keys)
        {
            if (await TryDeleteAsync(key))
            {
                deleted.Add(key);
            }
        }

        try
        {
            await db.ObjectCleanups.Where(c => deleted.Contains(c.Key)).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            LogForgetFailed(logger, exception, deleted.Count);
        }
    }

    /// <summary>Deletes one object; false (logged) when the store failed.</summary>
    public async Task<bool> TryDeleteAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDeleteFailed(logger, exception, key);
            return false;
        }
    }

    /// <summary>A presigned GET URL for the object, valid for <see cref="AttachmentOptions.DownloadUrlLifetime"/>.</summary>
    public Task<Uri> DownloadUrlAsync(string key) => store.GetPresignedGetUrlAsync(key, options.Value.DownloadUrlLifetime);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Could not delete the object {Key}; the cleanup sweeper will retry")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Deleted {Count} objects but could not remove their cleanup rows; the sweeper will delete them again")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception, int count);
}
