namespace WebRtcChat.ServiceDefaults.ObjectStorage;

/// <summary>
/// An S3 endpoint from a connection string <c>Endpoint=http://host:port;AccessKey=..;SecretKey=..</c>
/// (optional <c>Region</c>), and the bucket this service keeps its objects in.
/// </summary>
public sealed record ObjectStoreSettings(Uri Endpoint, string AccessKey, string SecretKey, string Region, string Bucket)
{
    public const string DefaultRegion = "us-east-1";

    public bool UseTls => Endpoint.Scheme == Uri.UriSchemeHttps;
}
