namespace WebRtcChat.WebRtc.Dtls;

public static class DtlsRoles
{
    /// <summary>
    /// Our role from the other side's a=setup (RFC 8842 §5): it is active, so we are the server; passive, or actpass in
    /// an offer we answer active, so we are the client (also when it says nothing).
    /// </summary>
    public static DtlsRole ForRemoteSetup(string? remoteSetup) =>
        string.Equals(remoteSetup, "active", StringComparison.Ordinal) ? DtlsRole.Server : DtlsRole.Client;
}
