namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>Outbox dispatcher settings, bound from the <c>EventBus:Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "EventBus:Outbox";

    /// <summary>How often the dispatcher looks for undispatched rows when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirmation.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause after consecutive broker failures (the pause doubles from one second up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 100;

    /// <summary>Dispatched rows older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
