namespace WebRtcChat.ServiceDefaults.Mail;

/// <summary>
/// Where mail goes, from a connection string <c>Endpoint=smtp://host:port</c> (or <c>smtps://</c>) with optional
/// <c>Username</c> and <c>Password</c>, plus the sender from <c>Mail:From</c>.
/// </summary>
internal sealed record SmtpSettings(Uri Endpoint, string? Username, string? Password, string From)
{
    public const string DefaultFrom = "WebRtcChat <no-reply@webrtcchat.local>";

    public bool UseTls => Endpoint.Scheme == "smtps";

    public int Port => Endpoint.IsDefaultPort || Endpoint.Port < 0 ? (UseTls ? 465 : 25) : Endpoint.Port;
}
