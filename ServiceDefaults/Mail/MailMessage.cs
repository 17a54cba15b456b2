namespace WebRtcChat.ServiceDefaults.Mail;

/// <summary>An email to one recipient; <see cref="HtmlBody"/> is sent as the alternative to <see cref="TextBody"/>.</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
