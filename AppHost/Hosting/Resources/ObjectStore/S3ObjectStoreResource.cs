using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>An S3-compatible object store. Locally the s3rver npm package (fixed keys S3RVER/S3RVER); MinIO in the manifest.</summary>
public sealed class S3ObjectStoreResource(string name, ParameterResource accessKey, ParameterResource secretKey) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string EndpointName = "http";

    public ParameterResource AccessKeyParameter { get; } = accessKey;

    public ParameterResource SecretKeyParameter { get; } = secretKey;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint};AccessKey={AccessKeyParameter};SecretKey={SecretKeyParameter}");
}
