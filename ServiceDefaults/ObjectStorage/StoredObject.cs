namespace WebRtcChat.ServiceDefaults.ObjectStorage;

/// <summary>An object read back from the store; <see cref="Content"/> is buffered in memory and positioned at the start.</summary>
public sealed record StoredObject(Stream Content, string ContentType, long Size) : IAsyncDisposable, IDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
