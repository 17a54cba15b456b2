namespace WebRtcChat.ServiceDefaults.Mail;

/// <summary>Sends email (account confirmation, password reset, notifications).</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
