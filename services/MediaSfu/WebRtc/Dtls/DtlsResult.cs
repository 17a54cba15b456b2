namespace WebRtcChat.WebRtc.Dtls;

/// <summary>The outcome of a handshake: an established <see cref="Session"/>, or why there is none.</summary>
public sealed record DtlsResult
{
    private DtlsResult(DtlsSession? session, DtlsFailure? failure, string detail)
    {
        Session = session;
        Failure = failure;
        Detail = detail;
    }

    public DtlsSession? Session { get; }

    public DtlsFailure? Failure { get; }

    /// <summary>A human-readable reason for logs (never secrets).</summary>
    public string Detail { get; }

    public bool Succeeded => Session is not null;

    internal static DtlsResult Established(DtlsSession session) => new(session, null, "established");

    internal static DtlsResult Failed(DtlsFailure failure, string detail) => new(null, failure, detail);
}
