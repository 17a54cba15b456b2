namespace WebRtcChat.Messaging.Model;

/// <summary>A message's content before an edit, with when and by whom it was replaced.</summary>
public sealed record EditRecord(string Content, DateTimeOffset EditedAt, Guid EditedBy);
