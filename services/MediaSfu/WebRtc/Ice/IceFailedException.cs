namespace WebRtcChat.WebRtc.Ice;

/// <summary>No candidate pair passed its connectivity checks.</summary>
public sealed class IceFailedException : Exception
{
    public IceFailedException()
    {
    }

    public IceFailedException(string message)
        : base(message)
    {
    }

    public IceFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
