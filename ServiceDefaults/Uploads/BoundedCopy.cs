namespace WebRtcChat.ServiceDefaults.Uploads;

/// <summary>Reads an upload without trusting its declared length: stops as soon as it is larger than allowed.</summary>
public static class BoundedCopy
{
    /// <summary>Copies at most <paramref name="limit"/> bytes; false when the source had more.</summary>
    public static async Task<bool> CopyUpToAsync(this Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }
}
