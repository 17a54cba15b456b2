using System.Threading.Channels;
using WebRtcChat.ServiceDefaults.Mail;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Sends account mail off the request path: a request only queues the mail (after its data is committed), so SMTP
/// latency or failure neither slows nor fails it, and the answer's timing does not tell whether a mail was sent.
/// A failed send is logged (without the link) and dropped; the user can ask again.
/// </summary>
public sealed partial class AccountMailer(IMailSender sender, ILogger<AccountMailer> logger) : BackgroundService
{
    private readonly Channel<MailMessage> queue = Channel.CreateBounded<MailMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(MailMessage message)
    {
        if (!queue.Writer.TryWrite(message))
        {
            LogQueueFull(logger, message.Subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSendFailed(logger, exception, message.Subject);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Could not send the account mail '{Subject}'")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string subject);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "The account mail queue is full; dropped '{Subject}'")]
    private static partial void LogQueueFull(ILogger logger, string subject);
}
