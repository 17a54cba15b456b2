namespace WebRtcChat.Gateway.Proxy.CallRouting;

/// <summary>Reads the call id of <c>/api/calls/{callId}</c> and everything under it.</summary>
public static class CallPath
{
    private const string Prefix = "/api/calls/";

    public static bool TryGetCallId(PathString path, out Guid callId)
    {
        callId = Guid.Empty;
        var value = path.Value;
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        var end = rest.IndexOf('/');
        return Guid.TryParse(end < 0 ? rest : rest[..end], out callId);
    }
}
