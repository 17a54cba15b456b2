namespace WebRtcChat.Messaging.Rooms;

/// <summary>Limits of a group's name and topic; each check returns an error message or null.</summary>
public static class RoomRules
{
    public const int MaxNameLength = 100;
    public const int MaxTopicLength = 500;

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A group room needs a name."
        : name.Trim().Length > MaxNameLength ? $"The name must be at most {MaxNameLength} characters."
        : null;

    public static string? CheckTopic(string? topic) =>
        topic is not null && topic.Trim().Length > MaxTopicLength ? $"The topic must be at most {MaxTopicLength} characters." : null;

    /// <summary>Empty or whitespace-only topics are stored as no topic.</summary>
    public static string? NormalizeTopic(string? topic) => string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
}
