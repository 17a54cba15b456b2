namespace WebRtcChat.Contracts;

/// <summary>
/// Marks a record as an integration event: an immutable fact, named in the past tense, that one service
/// publishes through its outbox and others consume. Events carry ids and the data consumers need, never entities.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the fact happened, from the producer's <see cref="TimeProvider"/>.</summary>
    DateTimeOffset OccurredAt { get; }
}
