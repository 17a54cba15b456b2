using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WebRtcChat.ServiceDefaults.Mail;

namespace Microsoft.Extensions.Hosting;

/// <summary>Outgoing email over SMTP.</summary>
public static class MailSenderExtensions
{
    /// <summary>
    /// Registers <see cref="IMailSender"/> for the SMTP server at <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (<c>Endpoint=smtp://host:port</c>); the sender is <c>Mail:From</c>, by default <c>WebRtcChat &lt;no-reply@webrtcchat.local&gt;</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMailSender(this IHostApplicationBuilder builder, string connectionName)
    {
        var values = ConnectionStrings.ParseKeyValues(ConnectionStrings.GetRequired(builder, connectionName));
        var endpoint = new Uri(ConnectionStrings.RequiredKey(values, "Endpoint", connectionName));
        if (endpoint.Scheme is not ("smtp" or "smtps"))
        {
            throw new InvalidOperationException($"Connection string 'ConnectionStrings:{connectionName}' must have Endpoint=smtp://host:port.");
        }

        var from = builder.Configuration["Mail:From"];
        if (!string.IsNullOrWhiteSpace(from) && !MailboxAddress.TryParse(from, out _))
        {
            throw new InvalidOperationException($"'Mail:From' is not a valid address: '{from}'.");
        }

        var settings = new SmtpSettings(
            endpoint,
            values.GetValueOrDefault("Username"),
            values.GetValueOrDefault("Password"),
            string.IsNullOrWhiteSpace(from) ? SmtpSettings.DefaultFrom : from);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        return builder;
    }
}
