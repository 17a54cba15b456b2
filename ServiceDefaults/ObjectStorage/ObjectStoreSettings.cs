namespace WebRtcChat.ServiceDefaults.ObjectStorage;

/// <summary>
/// An S3 endpoint from a connection string <c>Endpoint=http://host:port;AccessKey=..;SecretKey=..</c>
/// (optional <c>Region</c>), and the bucket this service keeps its objects in. <see cref="PublicEndpoint"/> (optional
/// <c>PublicEndpoint</c>) is the address clients reach the same store at, when it differs from the one services use:
/// presigned URLs are signed for that host.
/// </summary>
public sealed record ObjectStoreSettings(Uri Endpoint, string AccessKey, string SecretKey, string Region, string Bucket, Uri? PublicEndpoint = null)
{
    public const string DefaultRegion = "us-east-1";

    public bool UseTls => Endpoint.Scheme == Uri.UriSchemeHttps;
}
