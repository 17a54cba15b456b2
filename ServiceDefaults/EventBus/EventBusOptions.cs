namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>Event bus settings, bound from the <c>EventBus</c> configuration section.</summary>
public sealed class EventBusOptions
{
    public const string Section = "EventBus";

    /// <summary>Pauses between redeliveries of a failing message; after the last one it moves to <c>&lt;queue&gt;_error</c>.</summary>
    public IList<TimeSpan> RetryIntervals { get; } = [];

    /// <summary>Used when <see cref="RetryIntervals"/> is not configured.</summary>
    public static readonly TimeSpan[] DefaultRetryIntervals =
    [
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10),
    ];
}
