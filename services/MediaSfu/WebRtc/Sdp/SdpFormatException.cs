namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Thrown inside the parser only; <see cref="SdpParser.TryParse"/> turns it into the refusal's reason.</summary>
internal sealed class SdpFormatException : Exception
{
    public SdpFormatException()
    {
    }

    public SdpFormatException(string message)
        : base(message)
    {
    }

    public SdpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SdpFormatException(int line, string problem)
        : base($"SDP line {line} {problem}.")
    {
    }
}
