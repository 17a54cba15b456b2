namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>A message a consumer has already handled (table <c>inbox_messages</c>), so a redelivery is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
