using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace WebRtcChat.ServiceDefaults.ObjectStorage;

/// <summary>
/// One bucket of an S3-compatible store (path-style addressing, so it also works against s3rver and MinIO).
/// The bucket is created on first use.
/// </summary>
public sealed class ObjectStore : IDisposable
{
    private readonly IMinioClient client;
    private readonly IMinioClient presigner;
    private readonly string bucket;
    private readonly SemaphoreSlim bucketGate = new(1, 1);
    private volatile bool bucketReady;

    public ObjectStore(ObjectStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        bucket = settings.Bucket;
        client = CreateClient(settings, settings.Endpoint);
        presigner = settings.PublicEndpoint is { } publicEndpoint ? CreateClient(settings, publicEndpoint) : client;
    }

    public string Bucket => bucket;

    public async Task PutAsync(string key, Stream content, long size, string contentType, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        await client.PutObjectAsync(
            new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(content).WithObjectSize(size).WithContentType(contentType),
            ct);
    }

    /// <summary>The object, or <see langword="null"/> when there is none under <paramref name="key"/>.</summary>
    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        var buffer = new MemoryStream();
        try
        {
            var stat = await client.GetObjectAsync(
                new GetObjectArgs().WithBucket(bucket).WithObject(key).WithCallbackStream((stream, token) => stream.CopyToAsync(buffer, token)),
                ct);
            buffer.Position = 0;
            return new StoredObject(buffer, stat.ContentType ?? "application/octet-stream", buffer.Length);
        }
        catch (Exception exception) when (IsNotFound(exception))
        {
            await buffer.DisposeAsync();
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        try
        {
            await client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), ct);
            return true;
        }
        catch (Exception exception) when (IsNotFound(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// A time-limited URL anyone can GET the object from, without credentials; on the public endpoint when one is set
    /// (signing is local: nothing is sent to that address).
    /// </summary>
    public async Task<Uri> GetPresignedGetUrlAsync(string key, TimeSpan expiry)
    {
        await EnsureBucketAsync(CancellationToken.None);
        var url = await presigner.PresignedGetObjectAsync(
            new PresignedGetObjectArgs().WithBucket(bucket).WithObject(key).WithExpiry((int)Math.Ceiling(expiry.TotalSeconds)));
        return new Uri(url);
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), ct);
    }

    /// <summary>Creates the bucket if it does not exist yet; cheap after the first success.</summary>
    public async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (bucketReady)
        {
            return;
        }

        await bucketGate.WaitAsync(ct);
        try
        {
            if (!bucketReady && !await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), ct))
            {
                await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), ct);
            }

            bucketReady = true;
        }
        finally
        {
            bucketGate.Release();
        }
    }

    /// <summary>Whether the store answers and the bucket is there (no caching: used by the health check).</summary>
    public Task<bool> BucketExistsAsync(CancellationToken ct) =>
        client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), ct);

    public void Dispose()
    {
        if (!ReferenceEquals(presigner, client))
        {
            presigner.Dispose();
        }

        client.Dispose();
        bucketGate.Dispose();
    }

    private static IMinioClient CreateClient(ObjectStoreSettings settings, Uri endpoint) =>
        new MinioClient()
            .WithEndpoint(endpoint.Host, endpoint.Port)
            .WithCredentials(settings.AccessKey, settings.SecretKey)
            .WithRegion(settings.Region)
            .WithSSL(endpoint.Scheme == Uri.UriSchemeHttps)
            .Build();

    private static bool IsNotFound(Exception exception) =>
        exception is ObjectNotFoundException
        || (exception is ErrorResponseException response
            && response.Response?.Code is "NoSuchKey" or "NotFound" or "NoSuchObject");
}
