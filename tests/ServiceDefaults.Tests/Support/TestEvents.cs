namespace WebRtcChat.ServiceDefaults.Tests.Support;

public sealed record NoteAdded(Guid NoteId, int Sequence);

public sealed record Doomed(Guid Id);
