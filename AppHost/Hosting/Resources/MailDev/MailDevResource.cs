using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>An SMTP catcher with a web inbox and a REST API (maildev), for development and tests.</summary>
public sealed class MailDevResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
