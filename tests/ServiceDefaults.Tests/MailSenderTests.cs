using System.Net.Http.Json;
using System.Text.Json;
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

        using var http = new HttpClient { BaseAddress = infra.MailApi };
        JsonElement? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var mails = await http.GetFromJsonAsync<JsonElement[]>("/email") ?? [];
            found = mails.FirstOrDefault(m => m.GetProperty("subject").GetString() == subject);
            return found?.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(10), "the mail never reached maildev");

        var to = found!.Value.GetProperty("to").EnumerateArray().Select(a => a.GetProperty("address").GetString());
        Assert.Contains(recipient, to);
        Assert.Contains("no-reply@webrtcchat.local", found.Value.GetProperty("from").EnumerateArray().Select(a => a.GetProperty("address").GetString()));
    }
}
