using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

public static class MailDevBuilderExtensions
{
    public static IResourceBuilder<MailDevResource> AddMailDev(this IDistributedApplicationBuilder builder, string name, int? smtpPort = null, int? httpPort = null)
    {
        var mail = new MailDevResource(name);
        return builder.AddResource(mail)
            .WithAnnotation(new EndpointAnnotation(MailDevResource.SmtpEndpointName, "smtp", smtpPort, targetPort: 1025) { Host = "127.0.0.1" })
            .WithAnnotation(new EndpointAnnotation(MailDevResource.HttpEndpointName, "http", httpPort, targetPort: 1080) { Host = "127.0.0.1" })
            .WithAnnotation(new ContainerImageAnnotation("docker.io/maildev/maildev", "2.2.1"))
            .WithAnnotation(new ProcessLaunchAnnotation(new MailDevLauncher(mail, builder.AppHostDirectory), restartOnExit: true))
            .WithAnnotation(new HealthCheckAnnotation("web API answers", ct => HttpProbe.GetAsync(mail.HttpEndpoint.Url + "/healthz", ct)));
    }
}
