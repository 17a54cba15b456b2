namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>An integration event waiting in the producer's database to be published (table <c>outbox_messages</c>).</summary>
public sealed class OutboxMessage
{
    /// <summary>UUIDv7, increasing in the order the events were added; also the published MessageId.</summary>
    public Guid Id { get; set; }

    /// <summary>The event's CLR type, as <see cref="IntegrationEventTypes.NameOf"/> writes it.</summary>
    public required string Type { get; set; }

    /// <summary>The event serialized as JSON.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The W3C traceparent of the operation that raised the event, so its publish and consumers join that trace.</summary>
    public string? TraceParent { get; set; }
}
