using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebRtcChat.ServiceDefaults.Mail;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class MailSenderTests(TestInfrastructure infra)
{
    [Fact]
    public async Task A_sent_mail_reaches_the_smtp_server_with_subject_and_recipient()
    {
        await using var host = await TestHost.StartAsync("mailer", new Dictionary<string, string?>
        {
            ["mail"] = infra.MailConnectionString,
        }, builder => builder.AddMailSender("mail"));
        var recipient = $"user-{Guid.NewGuid():N}@example.test";
        var subject = $"Confirm your account {Guid.NewGuid():N}";

        await host.App.Services.GetRequiredService<IMailSender>()
            .SendAsync(new MailMessage(recipient, subject, "Click the link.", "<p>Click the <a href=\"#\">link</a>.</p>"), CancellationToken.None);

        var mail = (await new MailCatcher(infra.MailApi).WaitForAsync(recipient, subject)).Single();

        Assert.Contains(recipient, mail.To);
        Assert.Contains("no-reply@webrtcchat.local", mail.From);
    }
}
